/// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of
/// neighbours each cost one, so `borow`→`borrow` and `relaese`→`release` are both 1 away.
public enum EditDistance {
    public static func between(_ a: String, _ b: String) -> Int {
        let a = Array(a.lowercased())
        let b = Array(b.lowercased())
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] {
                    best = min(best, previousPrevious[j - 2] + 1)
                }
                current[j] = best
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }

    /// The closest candidate, if it is close enough to be what was meant: within a third of
    /// the typed word's length (at least one edit), or the typed word is a prefix of it.
    /// Typed words longer than this are no one's typo of a name: compared with nothing, so that a
    /// megabyte-long line costs no more than a short one.
    public static let longestCompared = 64

    public static func suggestion(for typed: String, among candidates: [String]) -> String? {
        guard typed.utf8.count <= longestCompared else { return nil }
        let limit = max(1, typed.count / 3)
        var best: (name: String, distance: Int)?
        // The distance is at least the difference in length: skip what cannot be close enough.
        for candidate in candidates where abs(candidate.count - typed.count) <= limit {
            let distance = between(typed, candidate)
            if distance <= limit, distance < (best?.distance ?? .max) {
                best = (candidate, distance)
            }
        }
        if let best { return best.name }
        if typed.count >= 3 {
            return candidates.filter { $0.hasPrefix(typed.lowercased()) }.min { $0.count < $1.count }
        }
        return nil
    }
}
