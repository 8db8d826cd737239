/// The reference pool's settings. Defaults follow HikariCP, except that connections open on demand
/// (`minIdle` 0) rather than all at start.
public struct PoolConfig: Hashable, Sendable {
    /// When a connection is checked before it is lent.
    public enum Validation: Hashable, Sendable {
        /// Never: the borrower finds out if the connection is dead.
        case none
        /// On borrow, with a ping (`SELECT 1`), if the connection has been idle at least this long
        /// (HikariCP skips the check for connections used within the last 500 ms).
        case onBorrow(ifIdleFor: SimDuration)
    }

    /// Which idle connection a borrower gets.
    public enum IdleOrder: String, Hashable, Sendable {
        /// The most recently returned (stays warm; lets extra connections age out). node-postgres, PgBouncer.
        case lifo
        /// The one idle longest (spreads use evenly). SQLAlchemy's default.
        case fifo
    }

    /// How idle connections past the idle timeout are found.
    public enum IdleEviction: String, Hashable, Sendable {
        /// A housekeeping sweep every `housekeepingInterval` closes those idle too long (HikariCP, pgxpool):
        /// a connection may outlive its idle timeout by up to one interval.
        case sweep
        /// Each idle connection has its own timer and closes exactly when its idle timeout passes
        /// (node-postgres's per-client `setTimeout`, PostgresNIO's idle timer).
        case exact
    }

    /// A name for traces and error texts.
    public var name = "pool"
    /// The base size: connections kept open at most, not counting overflow.
    public var maxSize = 10
    /// Idle connections the pool tries to keep ready (HikariCP's `minimumIdle`); also the floor below which
    /// the idle timeout does not close connections.
    public var minIdle = 0
    /// Connections allowed above `maxSize` under load, closed as soon as they come back with nobody waiting
    /// (SQLAlchemy's `max_overflow`).
    public var maxOverflow = 0
    /// How long a borrower waits before the borrow fails; nil waits forever (node-postgres, PostgresNIO).
    public var borrowTimeout: SimDuration? = .seconds(30)
    /// Idle connections above `minIdle` are closed after this long; nil keeps them.
    public var idleTimeout: SimDuration? = .minutes(10)
    /// Connections are closed once this old (when idle; lent ones when they come back); nil: never.
    public var maxLifetime: SimDuration? = .minutes(30)
    /// Each connection's lifetime is shortened by a random fraction up to this (HikariCP: 2.5%), so that
    /// connections opened together do not all expire together.
    public var lifetimeJitter = 0.025
    /// Validation before lending.
    public var validation = Validation.none
    /// Ping idle connections this often; nil: never.
    public var keepAliveInterval: SimDuration?
    /// Report connections lent for longer than this; nil: never. Reported connections are not reclaimed.
    public var leakDetectionThreshold: SimDuration?
    /// Which idle connection to lend.
    public var idleOrder = IdleOrder.lifo
    /// Idle connections kept at most: a connection that comes back (or opens) with nobody waiting and this
    /// many already idle is closed (Go's `SetMaxIdleConns`, counted in `DBStats.MaxIdleClosed`); nil: no cap.
    public var maxIdle: Int?
    /// How the idle timeout is enforced.
    public var idleEviction = IdleEviction.sweep
    /// How often housekeeping runs (idle timeout, topping up to `minIdle`).
    public var housekeepingInterval = SimDuration.seconds(30)
    /// When opening a connection fails and someone waits, fail the oldest waiter with the error at once
    /// (SQLAlchemy, node-postgres) instead of retrying until the borrow timeout (HikariCP).
    public var failBorrowOnConnectError = false
    /// First delay before retrying a failed open; it grows by 1.25 per failure up to `maxRetryDelay`
    /// (PostgresNIO's backoff).
    public var retryDelay = SimDuration.milliseconds(100)
    public var maxRetryDelay = SimDuration.seconds(60)

    public init() {}

    /// A pool of `maxSize` connections with no timers at all: what queueing theory calls c servers.
    public static func plain(size: Int, borrowTimeout: SimDuration? = nil) -> PoolConfig {
        var config = PoolConfig()
        config.maxSize = size
        config.borrowTimeout = borrowTimeout
        config.idleTimeout = nil
        config.maxLifetime = nil
        return config
    }

    /// HikariCP's defaults: size 10, `minimumIdle` = size, 30 s timeout, 10 min idle, 30 min lifetime.
    public static var hikari: PoolConfig {
        var config = PoolConfig()
        config.name = "HikariPool-1"
        config.minIdle = 10
        config.validation = .onBorrow(ifIdleFor: .milliseconds(500))
        return config
    }

    /// SQLAlchemy's QueuePool defaults: 5 plus 10 overflow, 30 s timeout, FIFO, no recycling, no pre-ping.
    public static var sqlAlchemy: PoolConfig {
        var config = PoolConfig()
        config.name = "QueuePool"
        config.maxSize = 5
        config.maxOverflow = 10
        config.idleTimeout = nil
        config.maxLifetime = nil
        config.idleOrder = .fifo
        config.failBorrowOnConnectError = true
        return config
    }

    /// Problems that make this configuration unusable, each a full sentence; empty when it is fine.
    public var problems: [String] {
        var found: [String] = []
        if maxSize < 1 { found.append("pool size must be at least 1, got \(maxSize)") }
        if minIdle < 0 || minIdle > maxSize {
            found.append("min idle must be between 0 and the pool size \(maxSize), got \(minIdle)")
        }
        if maxOverflow < 0 { found.append("max overflow must be 0 or more, got \(maxOverflow)") }
        if let maxIdle, maxIdle < 0 { found.append("max idle must be 0 or more (or off), got \(maxIdle)") }
        if let maxIdle, minIdle > maxIdle {
            found.append("min idle \(minIdle) is above max idle \(maxIdle): the pool would open and close forever")
        }
        if !(0..<1).contains(lifetimeJitter) {
            found.append("lifetime jitter must be a fraction in [0, 1), got \(lifetimeJitter)")
        }
        if housekeepingInterval <= .zero { found.append("housekeeping interval must be above zero") }
        for (name, value) in [
            ("borrow timeout", borrowTimeout), ("idle timeout", idleTimeout), ("max lifetime", maxLifetime),
            ("keep-alive interval", keepAliveInterval), ("leak detection threshold", leakDetectionThreshold),
        ] {
            if let value, value <= .zero { found.append("\(name) must be above zero (or off), got \(value)") }
        }
        return found
    }
}
