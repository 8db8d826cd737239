/// A fence line: three or more backticks or tildes and an info string.
struct Fence {
    let marker: Character
    let length: Int
    let kind: String
    /// A single lowercase word: a block kind, a language, or a typo of a block kind.
    let looksLikeBlockKind: Bool

    init?(_ line: String) {
        guard let first = line.first, first == "`" || first == "~" else { return nil }
        let run = line.prefix { $0 == first }.count
        guard run >= 3 else { return nil }
        marker = first
        length = run
        let info = line.dropFirst(run).trimmingCharacters(in: .whitespaces)
        kind = String(info.split(separator: " ").first ?? "")
        looksLikeBlockKind = !kind.isEmpty && kind.allSatisfy { $0.isLowercase && $0.isLetter }
    }

    func closes(_ line: String) -> Bool {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        return trimmed.count >= length && trimmed.allSatisfy { $0 == marker }
    }
}
