/// A timer the proxy asks the simulator to run for it; identified by value, so describing it again cancels
/// or replaces it.
public struct ProxyTimer: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: UInt8, Hashable, Sendable {
        /// PgBouncer's maintenance loop, three times a second: idle timeout, lifetime, `min_pool_size`.
        case janitor
        /// The recomputation of `SHOW STATS` averages, every `stats_period`.
        case statsPeriod
        /// The oldest waiter of a pool reaches `query_wait_timeout`.
        case queryWaitTimeout
        /// The oldest waiter not yet told reaches `query_wait_notify`.
        case queryWaitNotify
        /// The oldest waiter of a pool reaches `reserve_pool_timeout`.
        case reservePool
        /// `server_login_retry` has passed since a failed login.
        case loginRetry
        /// A client has been idle in a transaction for `idle_transaction_timeout`.
        case idleTransaction
    }

    public var kind: Kind
    /// The pool the timer is about (-1 for proxy-wide timers).
    public var pool: Int32
    /// The client the timer is about, if any.
    public var client: ClientID?

    public init(_ kind: Kind, pool: Int32 = -1, client: ClientID? = nil) {
        self.kind = kind
        self.pool = pool
        self.client = client
    }

    /// `queryWaitTimeout(pool 0)`, `idleTransaction(cl3)`.
    public var description: String {
        if let client { return "\(kind)(\(client))" }
        return pool >= 0 ? "\(kind)(pool \(pool))" : "\(kind)"
    }
}
