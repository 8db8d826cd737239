import Foundation

/// `{name}` in a page's text must name a param defined above it, or the learner sees the braces.
enum ProsePlaceholders {
    /// `text` starts at file line `start`; each unknown placeholder is reported at its own line and column.
    static func problems(in text: String, startingAt start: Int, defined: Set<String>, unread: Set<String>)
        -> [(name: String, error: LineError)]
    {
        var problems: [(name: String, error: LineError)] = []
        var unread = unread
        for (offset, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            for name in Placeholders.names(in: String(line)) where !defined.contains(name) && !unread.contains(name) {
                unread.insert(name)
                let column = line.range(of: "{\(name)}").map {
                    line.distance(from: line.startIndex, to: $0.lowerBound) + 1
                }
                let hint =
                    EditDistance.suggestion(for: name, among: defined.sorted()).map { "; did you mean '{\($0)}'?" }
                    ?? (defined.isEmpty ? "; no params are defined above it" : "")
                problems.append(
                    (
                        name,
                        LineError(
                            line: start + offset,
                            message: "'{\(name)}' in the text is not a param defined above it\(hint)",
                            code: "unknown-param", column: column)
                    ))
            }
        }
        return problems
    }
}
