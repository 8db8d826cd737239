/// A lesson's front matter, checked key by key.
struct FrontMatter {
    var id: String
    var title: String
    var order: Int
    var sources: [String]
    var requires: [String]
    var minutes: Int?
    var lines: [String: Int]
    /// Every required key was read; otherwise the lesson is only linted, never loaded.
    var complete: Bool

    static let keys = ["id", "title", "order", "sources", "requires", "minutes"]

    /// What a lesson with no readable front matter is linted as: its other checks still run.
    static let missing = FrontMatter(
        id: "", title: "", order: 0, sources: [], requires: [], minutes: nil, lines: [:], complete: false)

    /// `offset` is the line of the opening `---`.
    static func decode(_ text: String, offset: Int) -> (matter: FrontMatter, problems: [LineError]) {
        let parsed: YAMLBlock
        switch YAMLBlock.parse(text, offset: offset) {
        case .failure(let error): return (.missing, [error])
        case .success(let block): parsed = block
        }
        var (block, problems) = parsed.resolvingTypos(known: keys) { key, suggestion in
            "unknown front-matter key '\(key)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + " (keys: \(keys.joined(separator: ", ")))"
        }
        func problem(_ line: Int, _ message: String, _ code: String) {
            problems.append(LineError(line: line, message: message, code: code))
        }
        // Keys truly absent (a misspelt one was reported and read as meant): one message names them all.
        var missing: [String] = []
        func required(_ key: String) -> String? {
            guard let value = block.value(key)?.scalar?.string, !value.isEmpty else {
                if block.value(key) == nil {
                    missing.append(key)
                } else {
                    problem(block.line(key), "front matter's '\(key)' is empty", "front-matter-missing")
                }
                return nil
            }
            return value
        }
        let id = required("id")
        let title = required("title")
        let orderText = required("order")
        let order = orderText.flatMap(Int.init)
        if let orderText, order == nil {
            problem(block.line("order"), "order '\(orderText)' must be a whole number", "front-matter-value")
        }
        if let id, !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            problem(
                block.line("id"), "lesson id '\(id)' may use only letters, digits, '-' and '_'", "front-matter-value")
        }
        let sources = block.value("sources")?.strings ?? []
        if block.value("sources") == nil {
            missing.append("sources")
        } else if sources.isEmpty {
            problem(
                block.line("sources"), "front matter needs 'sources': the documents this lesson draws on",
                "front-matter-missing")
        }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            let sourcesNote = missing.contains("sources") ? "; 'sources' lists the documents this lesson draws on" : ""
            problem(max(offset, 1), "front matter has no \(names)\(sourcesNote)", "front-matter-missing")
        }
        var minutes: Int?
        if let text = block.value("minutes")?.scalar?.string {
            minutes = Int(text)
            if minutes == nil || minutes! <= 0 {
                problem(
                    block.line("minutes"), "minutes '\(text)' must be a positive whole number", "front-matter-value")
            }
        }
        var lines: [String: Int] = [:]
        for entry in block.entries where lines[entry.key] == nil { lines[entry.key] = entry.line }
        let matter = FrontMatter(
            id: id ?? "", title: title ?? "", order: order ?? 0, sources: sources,
            requires: block.value("requires")?.strings ?? [], minutes: minutes, lines: lines,
            complete: id != nil && title != nil && order != nil)
        return (matter, problems)
    }
}
