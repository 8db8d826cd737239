/// A problem in a pgbouncer.ini text, with the line it is on.
///
/// Shaped like the world's `InputError`: the text alone says what is wrong and what would be accepted,
/// e.g. `line 7: pool_mode = "transactions": use session, transaction or statement`.
public struct ProxyConfigError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The 1-based line, or nil for a problem with the file as a whole.
    public let line: Int?
    /// What is wrong, without the line number.
    public let message: String

    public init(line: Int?, _ message: String) {
        self.line = line
        self.message = message
    }

    public var description: String { line.map { "line \($0): \(message)" } ?? message }
}
