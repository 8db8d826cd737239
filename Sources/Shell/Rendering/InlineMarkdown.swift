/// A piece of a paragraph with one emphasis.
struct InlineRun: Equatable {
    enum Kind: Equatable {
        case plain, strong, emphasis, code, link
    }

    var text: String
    var kind: Kind
}

/// Parses Markdown's inline syntax: `code`, **strong**, *emphasis*, _emphasis_, [text](url), and
/// backslash escapes. Anything it does not recognise stays as the author typed it.
enum InlineMarkdown {
    static func parse(_ source: String) -> [InlineRun] {
        var runs: [InlineRun] = []
        var plain = ""
        let characters = Array(source)
        var index = 0

        func flush() {
            if !plain.isEmpty { runs.append(InlineRun(text: plain, kind: .plain)) }
            plain = ""
        }

        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count,
                characters[index + 1].isPunctuation
                    || characters[index + 1].isSymbol
            {
                plain.append(characters[index + 1])
                index += 2
                continue
            }
            if character == "`", let close = find("`", in: characters, from: index + 1) {
                flush()
                runs.append(InlineRun(text: String(characters[(index + 1)..<close]), kind: .code))
                index = close + 1
                continue
            }
            if (character == "*" || character == "_"), index + 1 < characters.count, characters[index + 1] == character,
                let close = findPair(character, in: characters, from: index + 2), close > index + 2
            {
                flush()
                runs += nested(String(characters[(index + 2)..<close]), in: .strong)
                index = close + 2
                continue
            }
            if character == "*" || character == "_", opensEmphasis(characters, at: index),
                let close = find(character, in: characters, from: index + 1), close > index + 1
            {
                flush()
                runs += nested(String(characters[(index + 1)..<close]), in: .emphasis)
                index = close + 1
                continue
            }
            if character == "[", let closeText = find("]", in: characters, from: index + 1),
                closeText + 1 < characters.count, characters[closeText + 1] == "(",
                let closeURL = find(")", in: characters, from: closeText + 2)
            {
                flush()
                let text = String(characters[(index + 1)..<closeText])
                let url = String(characters[(closeText + 2)..<closeURL])
                runs.append(InlineRun(text: text, kind: .link))
                if url != text { runs.append(InlineRun(text: " (\(url))", kind: .plain)) }
                index = closeURL + 1
                continue
            }
            plain.append(character)
            index += 1
        }
        flush()
        return runs
    }

    /// The inside of `**…**` or `*…*`: its `code` stays code (no literal backticks), the rest takes
    /// the outer emphasis.
    private static func nested(_ inner: String, in kind: InlineRun.Kind) -> [InlineRun] {
        parse(inner).map { $0.kind == .code ? $0 : InlineRun(text: $0.text, kind: kind) }
    }

    /// `_` inside a word (snake_case, max_connections) is not emphasis.
    private static func opensEmphasis(_ characters: [Character], at index: Int) -> Bool {
        guard index + 1 < characters.count, !characters[index + 1].isWhitespace else { return false }
        if characters[index] == "_", index > 0, characters[index - 1].isLetter || characters[index - 1].isNumber {
            return false
        }
        return true
    }

    /// How far a closing mark is looked for: a span longer than this is text, which keeps a line of
    /// thousands of `[` or `*` linear rather than quadratic.
    static let longestSpan = 1_000

    private static func find(_ target: Character, in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index < min(characters.count, start + longestSpan) {
            if characters[index] == target { return index }
            index += 1
        }
        return nil
    }

    private static func findPair(_ target: Character, in characters: [Character], from start: Int) -> Int? {
        var index = start
        while index + 1 < min(characters.count, start + longestSpan) {
            if characters[index] == target, characters[index + 1] == target { return index }
            index += 1
        }
        return nil
    }
}
