/// One command of the shell: its names, its help, how to complete its arguments, and what it does.
///
/// A command lives in one file as a `static let` in an extension of this type, and is registered
/// by one line in `CommandTable.standard`.
struct ShellCommand: Sendable {
    typealias Action = @Sendable (_ arguments: [String], _ session: ShellSession) throws(ShellError) -> Void
    typealias Completion = @Sendable (_ request: CompletionRequest, _ session: ShellSession) -> [String]

    let name: String
    let aliases: [String]
    let group: CommandGroup
    /// One line, shown by `help`.
    let summary: String
    /// The grammar, e.g. `open ID`; shown by `help CMD` and after a wrong argument.
    let usage: String
    /// The detailed help shown by `help CMD` (Markdown).
    let details: String
    let complete: Completion
    let run: Action
    /// When set, the command takes this many words, then the rest of the line exactly as typed as one last
    /// argument (SQL after `query NAME`): quotes and backslashes there belong to the text, not to the shell.
    let verbatimAfter: Int?

    init(
        name: String,
        aliases: [String] = [],
        group: CommandGroup,
        summary: String,
        usage: String,
        details: String,
        complete: @escaping Completion = { _, _ in [] },
        verbatimAfter: Int? = nil,
        run: @escaping Action
    ) {
        self.name = name
        self.aliases = aliases
        self.group = group
        self.summary = summary
        self.usage = usage
        self.details = details
        self.complete = complete
        self.verbatimAfter = verbatimAfter
        self.run = run
    }

    var names: [String] { [name] + aliases }
}
