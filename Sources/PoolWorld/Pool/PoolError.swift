/// Why a borrow failed, in the words real pools use.
public enum PoolError: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nobody returned a connection in time (HikariCP's wording, with the pool's state at that moment).
    case timedOut(
        after: SimDuration, total: Int, active: Int, idle: Int, waiting: Int, lastConnectError: DatabaseError?)
    /// No connection was free and the pool had no room to open another, so a pool that does not queue refused the
    /// borrow at once (the pool as it was then: open, lent, idle, and the borrowers waiting for connections
    /// being opened). Before this case, such pools sent `.timedOut(after: .zero, …)`; graders accept both.
    case poolFull(total: Int, active: Int, idle: Int, waiting: Int)
    /// Opening a connection for this borrow failed (SQLAlchemy and node-postgres pass the error on).
    case connectFailed(DatabaseError)
    /// The pool is shut down.
    case shutDown
    /// The borrower gave up.
    case cancelled

    /// `connection not available, request timed out after 30000ms (total=10, active=10, idle=0, waiting=3)`.
    public var description: String {
        switch self {
        case .timedOut(let after, let total, let active, let idle, let waiting, let lastConnectError):
            let milliseconds = after.nanoseconds / 1_000_000
            let base =
                "connection not available, request timed out after \(milliseconds)ms "
                + "(total=\(total), active=\(active), idle=\(idle), waiting=\(waiting))"
            guard let lastConnectError else { return base }
            return base + "; last connection error: \(lastConnectError)"
        case .poolFull(let total, let active, let idle, let waiting):
            return
                "connection not available, pool is full "
                + "(total=\(total), active=\(active), idle=\(idle), waiting=\(waiting))"
        case .connectFailed(let error):
            return "could not open a connection: \(error)"
        case .shutDown:
            return "pool is shut down"
        case .cancelled:
            return "borrow cancelled"
        }
    }

    /// The message without the pool's momentary state, for counting errors of one kind together:
    /// `connection not available, request timed out after 30000ms`.
    public var kind: String {
        if case .poolFull = self { return "connection not available, pool is full" }
        guard case .timedOut(let after, _, _, _, _, let lastConnectError) = self else { return description }
        let base = "connection not available, request timed out after \(after.nanoseconds / 1_000_000)ms"
        return lastConnectError.map { base + "; last connection error: \($0)" } ?? base
    }

    /// Whether this is a timeout (counted apart from other errors in results).
    public var isTimeout: Bool {
        if case .timedOut = self { return true }
        return false
    }
}
