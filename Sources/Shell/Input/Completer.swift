/// Tab completion, independent of the line editor so it can be tested directly.
struct Completer: Sendable {
    let table: CommandTable

    init(table: CommandTable) {
        self.table = table
    }

    /// Candidates for the word being typed, sorted, each a whole word.
    func candidates(for request: CompletionRequest, session: ShellSession) -> [String] {
        let options: [String]
        if request.words.isEmpty {
            options = table.allNames
        } else if let command = table.command(named: request.words[0]) {
            options = command.complete(request, session)
        } else {
            options = []
        }
        // libedit prints candidates itself, past the output gate: one with a control character (a borrower
        // named with an escape) is never offered.
        let matches = options.filter {
            $0.hasPrefix(request.partial) && !$0.unicodeScalars.contains(where: Sanitizer.isUnsafe)
        }
        return Array(Set(matches)).sorted()
    }
}
