/// Splits a command line into words the way a person expects from a shell:
/// spaces separate, 'single' and "double" quotes group, a backslash escapes the next character. A quote
/// opens only at the start of a word, so `Little's law` and `don't` are typed as written.
enum Tokenizer {
    static func split(_ line: String, allowUnterminated: Bool = false) throws(ShellError) -> [String] {
        try split(line, words: nil, allowUnterminated: allowUnterminated).words
    }

    /// The first `count` words, split as `split(_:)` does, and the rest of the line exactly as typed (nil when
    /// nothing follows them). Commands that pass text on to the world, such as SQL after `query NAME`, read
    /// their tail this way, so its quotes, backslashes and semicolons arrive as psql would send them.
    static func split(_ line: String, words count: Int) throws(ShellError) -> (words: [String], rest: String?) {
        try split(line, words: count, allowUnterminated: false)
    }

    private static func split(_ line: String, words limit: Int?, allowUnterminated: Bool) throws(ShellError) -> (
        words: [String], rest: String?
    ) {
        var words: [String] = []
        var current = ""
        var inWord = false
        var quote: Character?
        var escaped = false
        for index in line.indices {
            let character = line[index]
            if let limit, words.count == limit, !inWord, !character.isWhitespace {
                return (words, String(line[index...]))
            }
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
        return (words, nil)
    }
}
