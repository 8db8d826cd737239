/// Tab completion, independent of the line editor so it can be tested directly.
public struct Completer: Sendable {
    public let table: CommandTable

    public init(table: CommandTable) {
        self.table = table
    }

    /// Candidates for the word being typed, sorted, each a whole word.
    public func candidates(for request: CompletionRequest, session: ShellSession) -> [String] {
        let options: [String]
        if request.words.isEmpty {
            options = table.allNames
        } else if let command = table.command(named: request.words[0]) {
            options = command.complete(request, session)
        } else {
            options = []
        }
        let matches = options.filter { $0.hasPrefix(request.partial) }
        return Array(Set(matches)).sorted()
    }
}
