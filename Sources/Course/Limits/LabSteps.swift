/// What a lab block's steps may run: the lab's own commands, never one that builds or runs a program,
/// writes a file or leaves the lab. Lessons are data; a step is checked here when the lesson is read, so
/// lint, the shell and the tests all refuse the same steps, and the runner checks again before it runs one.
public enum LabSteps {
    /// The lab commands a step may start with.
    public static let commands = [
        "config", "borrow", "release", "leak", "query", "advance", "burst", "load", "fault", "stats", "events",
        "connect", "send", "disconnect", "show",
    ]

    /// Options that write a file (`load --svg FILE`); refused in a step whatever their spelling.
    public static let fileOptions = ["--svg"]

    /// Why `step` may not run in a lab block, or nil when it may.
    public static func problem(_ step: String) -> String? {
        let accepted = "a lab step is one of the lab's commands: \(commands.joined(separator: ", "))"
        guard step.count <= LessonLimits.labStepCharacters else {
            return "lab step is \(step.count) characters long; at most \(LessonLimits.labStepCharacters)"
        }
        if step.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
            return "lab step contains a control character; \(accepted)"
        }
        // Quotes and backslashes do not change which command runs: the shell removes them first.
        let plain = step.filter { $0 != "\"" && $0 != "'" && $0 != "\\" }
        let words = plain.split(whereSeparator: \.isWhitespace).map { $0.lowercased() }
        guard let first = words.first else { return "lab step is empty; \(accepted)" }
        guard commands.contains(first) else {
            return "lab step '\(step)' runs '\(first)', which a lesson may not run; \(accepted)"
        }
        if let option = fileOptions.first(where: { plain.lowercased().contains($0) }) {
            return "lab step '\(step)' uses \(option), which writes a file; a lesson may not write files"
        }
        if first == "load" { return loadProblem(step, words) }
        return nil
    }

    /// A `load` step runs at most `LessonLimits.labLoadRequests` requests (its default is fewer).
    private static func loadProblem(_ step: String, _ words: [String]) -> String? {
        var requests: String?
        for (index, word) in words.enumerated() {
            if word.hasPrefix("--requests=") { requests = String(word.dropFirst("--requests=".count)) }
            if word == "--requests", index + 1 < words.count { requests = words[index + 1] }
        }
        let limit = LessonLimits.labLoadRequests
        guard let text = requests else { return nil }
        guard let count = Int(text.filter { $0 != "_" }), count <= limit else {
            return "lab step '\(step)' runs a load of '\(text)' requests; a lab step runs at most \(limit)"
        }
        return nil
    }
}
