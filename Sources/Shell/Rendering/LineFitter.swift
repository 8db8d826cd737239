/// Fits plain output lines to the terminal's width: a long line breaks between words, never inside
/// one, and its continuation lines are indented under where its text starts (under the value in
/// `pool      total=25, …`), so columns stay readable at 60 columns.
enum LineFitter {
    static func fit(_ text: String, width: Int) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { fitLine(String($0), width: width) }
            .joined(separator: "\n")
    }

    /// `hanging`: where continuation lines start, when the caller knows its columns.
    static func fitLine(_ line: String, width: Int, hanging: Int? = nil) -> String {
        guard Sanitizer.visibleWidth(line) > width else { return line }
        let indent = line.prefix { $0 == " " }.count
        let hanging = hanging ?? hangingIndent(line, leading: indent, width: width)
        var lines: [String] = []
        var current = String(repeating: " ", count: indent)
        var currentWidth = indent
        var atStart = true
        // Each word keeps the gap the line had before it (two spaces line columns up), except at a break.
        for (gap, word) in tokens(line.dropFirst(indent)) {
            let wordWidth = Sanitizer.visibleWidth(word)
            if !atStart, currentWidth + gap + wordWidth > width {
                lines.append(current)
                current = String(repeating: " ", count: hanging)
                currentWidth = hanging
                atStart = true
            }
            let spacing = atStart ? 0 : gap
            current += String(repeating: " ", count: spacing) + word
            currentWidth += spacing + wordWidth
            atStart = false
        }
        lines.append(current)
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }

    /// The words of a line, each with the number of spaces before it.
    private static func tokens(_ text: Substring) -> [(gap: Int, word: String)] {
        var tokens: [(gap: Int, word: String)] = []
        var gap = 0
        var word = ""
        for character in text {
            if character == " " {
                if !word.isEmpty {
                    tokens.append((gap, word))
                    word = ""
                    gap = 0
                }
                gap += 1
            } else {
                word.append(character)
            }
        }
        if !word.isEmpty { tokens.append((gap, word)) }
        return tokens
    }

    /// Where a continuation line starts: under the text after a label and a gap of two or more
    /// spaces, if that is in the left half; else a little past the line's own indent.
    static func hangingIndent(_ line: String, leading: Int, width: Int) -> Int {
        let characters = Array(line)
        var index = leading
        while index < characters.count, characters[index] != " " { index += 1 }
        var gap = index
        while gap < characters.count, characters[gap] == " " { gap += 1 }
        if gap - index >= 2, gap < characters.count, gap <= width / 2 { return gap }
        return min(leading + 2, width / 2)
    }
}
