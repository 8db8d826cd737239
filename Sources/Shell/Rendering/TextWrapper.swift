/// Greedy word wrapping by visible width. Words are styled after wrapping, so an escape
/// sequence is never split and never counts towards the width.
enum TextWrapper {
    struct Word {
        var text: String
        var kind: InlineRun.Kind
        /// Touches the previous word with no space between (`**bold**,`): never a break point.
        var glued: Bool
    }

    static func words(from runs: [InlineRun]) -> [Word] {
        var words: [Word] = []
        var touching = false
        for run in runs {
            let pieces = run.text.split(separator: " ", omittingEmptySubsequences: false)
            for (offset, piece) in pieces.enumerated() {
                if offset > 0 { touching = false }
                if piece.isEmpty { continue }
                words.append(Word(text: String(piece), kind: run.kind, glued: touching && !words.isEmpty))
                touching = true
            }
        }
        return words
    }

    /// Lines of at most `width` visible columns, except where one unbreakable word is longer.
    static func wrap(_ words: [Word], width: Int, style: (Word) -> String) -> [String] {
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        var index = 0
        while index < words.count {
            // A word and everything glued to it move to the next line together.
            var end = index + 1
            while end < words.count, words[end].glued { end += 1 }
            let group = words[index..<end]
            let groupWidth = group.reduce(0) { $0 + Sanitizer.visibleWidth($1.text) }
            if lineWidth > 0, lineWidth + 1 + groupWidth > width {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if lineWidth > 0 {
                line += " "
                lineWidth += 1
            }
            line += group.map(style).joined()
            lineWidth += groupWidth
            index = end
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
