/// One command of the shell: its names, its help, how to complete its arguments, and what it does.
///
/// A command lives in one file as a `static let` in an extension of this type, and is registered
/// by one line in `CommandTable.standard`.
public struct ShellCommand: Sendable {
    public typealias Action = @Sendable (_ arguments: [String], _ session: ShellSession) throws(ShellError) -> Void
    public typealias Completion = @Sendable (_ request: CompletionRequest, _ session: ShellSession) -> [String]

    public let name: String
    public let aliases: [String]
    public let group: CommandGroup
    /// One line, shown by `help`.
    public let summary: String
    /// The grammar, e.g. `open ID`; shown by `help CMD` and after a wrong argument.
    public let usage: String
    /// The detailed help shown by `help CMD` (Markdown).
    public let details: String
    public let complete: Completion
    public let run: Action
    /// When set, the command takes this many words, then the rest of the line exactly as typed as one last
    /// argument (SQL after `query NAME`): quotes and backslashes there belong to the text, not to the shell.
    public let verbatimAfter: Int?

    public init(
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

    public var names: [String] { [name] + aliases }
}
