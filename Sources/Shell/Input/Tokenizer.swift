/// Splits a command line into words the way a person expects from a shell:
/// spaces separate, 'single' and "double" quotes group, a backslash escapes the next character. A quote
/// opens only at the start of a word, so `Little's law` and `don't` are typed as written.
public enum Tokenizer {
    public static func split(_ line: String, allowUnterminated: Bool = false) throws(ShellError) -> [String] {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
                continue
            }
            if character == "\\" && quote != "'" {
                escaped = true
                inWord = true
                continue
            }
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
                continue
            }
            if (character == "'" || character == "\""), !inWord || current.isEmpty {
                quote = character
                inWord = true
            } else if character.isWhitespace {
                if inWord { words.append(current) }
                current = ""
                inWord = false
            } else {
                current.append(character)
                inWord = true
            }
        }
        if let open = quote, !allowUnterminated {
            throw .usage("unterminated \(open == "'" ? "single" : "double") quote; close it with \(open)")
        }
        if inWord { words.append(current) }
        return words
    }
}
