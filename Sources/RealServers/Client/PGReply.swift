/// What a statement returned: its command tag (`SELECT 1`, `SET`) and any rows, as text.
public struct PGReply: Hashable, Sendable {
    public var command: String
    public var columns: [String]
    public var rows: [[String]]

    public init(command: String, columns: [String] = [], rows: [[String]] = []) {
        self.command = command
        self.columns = columns
        self.rows = rows
    }

    /// The first row's first value, or the command tag for a statement without rows.
    public var summary: String {
        if let value = rows.first?.first { return value }
        return command
    }
}
