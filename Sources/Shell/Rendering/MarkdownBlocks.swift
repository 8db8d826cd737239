import Foundation

/// An ATX heading: `## Sizing`.
struct Heading {
    let level: Int
    let text: String

    init?(_ line: String) {
        let hashes = line.prefix { $0 == "#" }.count
        guard (1...6).contains(hashes) else { return nil }
        let rest = line.dropFirst(hashes)
        guard rest.isEmpty || rest.first == " " else { return nil }
        level = hashes
        text = rest.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))
            .trimmingCharacters(in: .whitespaces)
    }
}

/// A fenced code block's opening line: three or more backticks or tildes, and an optional info string.
struct CodeFence {
    let marker: Character
    let length: Int

    init?(opening line: String) {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let run = line.prefix { $0 == first }.count
        guard run >= 3 else { return nil }
        marker = first
        length = run
    }

    func closes(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count >= length && trimmed.allSatisfy { $0 == marker }
    }
}

/// A list item: `- text`, `* text`, `+ text` or `1. text`, nested by two spaces per level.
struct ListItem {
    let depth: Int
    let marker: String
    let text: String

    init?(_ line: String) {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        if let first = rest.first, "-*+".contains(first), rest.dropFirst().first == " " {
            marker = "•"
            text = String(rest.dropFirst(2))
        } else {
            let digits = rest.prefix { $0.isNumber }
            let after = rest.dropFirst(digits.count)
            guard !digits.isEmpty, digits.count <= 3, after.hasPrefix(". ") || after.hasPrefix(") ") else {
                return nil
            }
            marker = digits + "."
            text = String(after.dropFirst(2))
        }
        depth = spaces / 2
    }
}
