/// When PgBouncer takes a server connection back from a client (`pool_mode`).
public enum PoolMode: String, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// At client disconnect: every PostgreSQL feature works, and sharing is smallest. PgBouncer's default.
    case session
    /// At the end of each transaction: the big fan-in, at the price of session-level features.
    case transaction
    /// After each statement: multi-statement transactions are refused.
    case statement

    public var description: String { rawValue }
}
