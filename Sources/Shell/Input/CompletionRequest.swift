/// What the learner has typed when they press Tab: the words before the cursor's word,
/// and the partial word being completed.
struct CompletionRequest: Sendable, Equatable {
    /// The command word and any complete arguments before the current word.
    let words: [String]
    /// The part of the current word typed so far (may be empty).
    let partial: String

    init(words: [String], partial: String) {
        self.words = words
        self.partial = partial
    }

    /// Which argument is being completed: 0 is the first word after the command name.
    var argumentIndex: Int { words.count - 1 }

    /// Splits the text before the cursor. A trailing space means a new, empty word starts.
    init(lineBeforeCursor line: String) {
        let tokens = (try? Tokenizer.split(line, allowUnterminated: true)) ?? []
        if line.isEmpty || line.last?.isWhitespace == true {
            self.init(words: tokens, partial: "")
        } else {
            self.init(words: Array(tokens.dropLast()), partial: tokens.last ?? "")
        }
    }
}
