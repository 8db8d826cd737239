import Course

/// `; did you mean '02-setup-cost'?`, or nothing when nothing is close.
enum EditDistanceHint {
    static func suggestion(_ typed: String, _ candidates: [String]) -> String {
        guard let match = EditDistance.suggestion(for: typed, among: candidates) else { return "" }
        return "; did you mean '\(match)'?"
    }
}
