/// A lesson's front matter, checked key by key.
struct FrontMatter {
    let id: String
    let title: String
    let order: Int
    let sources: [String]
    let requires: [String]
    let minutes: Int?
    let lines: [String: Int]

    static let keys = ["id", "title", "order", "sources", "requires", "minutes"]

    static func decode(_ text: String, offset: Int) -> (matter: FrontMatter?, problems: [LineError]) {
        let block: YAMLBlock
        switch YAMLBlock.parse(text, offset: offset) {
        case .failure(let error): return (nil, [error])
        case .success(let parsed): block = parsed
        }
        var problems: [LineError] = []
        for entry in block.entries where !keys.contains(entry.key) {
            let hint = EditDistance.suggestion(for: entry.key, among: keys).map { "; did you mean '\($0)'?" } ?? ""
            problems.append(LineError(line: entry.line, message: "unknown front-matter key '\(entry.key)'\(hint)"))
        }
        func required(_ key: String) -> String? {
            guard let value = block.value(key)?.scalar?.string, !value.isEmpty else {
                problems.append(LineError(line: offset, message: "front matter has no '\(key)'"))
                return nil
            }
            return value
        }
        let id = required("id")
        let title = required("title")
        let orderText = required("order")
        let order = orderText.flatMap(Int.init)
        if let orderText, order == nil {
            problems.append(
                LineError(line: block.line("order"), message: "order '\(orderText)' must be a whole number"))
        }
        if let id, !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            problems.append(
                LineError(
                    line: block.line("id"), message: "lesson id '\(id)' may use only letters, digits, '-' and '_'"))
        }
        let sources = block.value("sources")?.strings ?? []
        if sources.isEmpty {
            problems.append(
                LineError(
                    line: block.entries.isEmpty ? offset : block.line("sources"),
                    message: "front matter needs 'sources': the documents this lesson draws on"))
        }
        var minutes: Int?
        if let text = block.value("minutes")?.scalar?.string {
            minutes = Int(text)
            if minutes == nil || minutes! <= 0 {
                problems.append(
                    LineError(line: block.line("minutes"), message: "minutes '\(text)' must be a positive whole number")
                )
            }
        }
        guard let id, let title, let order else { return (nil, problems) }
        var lines: [String: Int] = [:]
        for entry in block.entries { lines[entry.key] = entry.line }
        return (
            FrontMatter(
                id: id, title: title, order: order, sources: sources, requires: block.value("requires")?.strings ?? [],
                minutes: minutes, lines: lines),
            problems
        )
    }
}
