import DequeModule

/// One pool of the proxy: the server connections of one (database, user) pair and the clients waiting for them.
///
/// Waiters are served first come, first served, as PgBouncer's `waiting_client_list`; idle server
/// connections are reused LIFO (the one released last goes out first), or FIFO with `server_round_robin`.
struct ProxyPool {
    struct Waiter {
        var client: ClientID
        var since: Int64
    }

    /// The database name clients asked for, and the user the pool logs in as.
    var database: String
    var user: String
    var mode: PoolMode
    var size: Int
    var minSize: Int
    var reserveSize: Int
    var maxDBConnections: Int
    var lifetime: Int64
    var queryWaitTimeout: Int64
    /// The `[databases]` entry forces the user, so the pool exists (and keeps `min_pool_size`) without clients.
    var forcedUser: Bool

    var idle = Deque<ServerID>()
    var waiting = Deque<Waiter>()
    /// Waiters at the head of the line that already got the queued NOTICE.
    var notified = 0
    /// Server connections in any state: logging in, idle, active, being tested.
    var servers = 0
    /// A login is in progress: PgBouncer opens one server connection at a time per pool.
    var loggingIn = false
    /// Check queries running on behalf of waiters.
    var checking = 0
    /// Clients connected to this pool (active or waiting).
    var clients = 0
    /// When `server_lifetime` last closed a connection, to stagger such closes.
    var lastLifetimeClose = Int64.min / 2
    /// The last login's error, until a login succeeds; new logins wait until `loginRetryAt`.
    var loginFailure: DatabaseError?
    var loginRetryAt: Int64 = 0
    /// Instants the waiting-line timers are set for (nil: not armed).
    var timeoutAt: Int64?
    var notifyAt: Int64?
    var reserveAt: Int64?

    init(database: String, user: String, entry: ProxyConfig.Database, config: ProxyConfig) {
        self.database = database
        self.user = user
        mode = entry.poolMode ?? config.poolMode
        size = entry.poolSize ?? config.defaultPoolSize
        minSize = min(entry.minPoolSize ?? config.minPoolSize, size)
        reserveSize = entry.reservePoolSize ?? config.reservePoolSize
        maxDBConnections = entry.maxDBConnections ?? config.maxDBConnections
        lifetime = (entry.serverLifetime ?? config.serverLifetime).nanoseconds
        queryWaitTimeout = (entry.queryWaitTimeout ?? config.queryWaitTimeout).nanoseconds
        forcedUser = entry.user != nil
    }

    /// Removes a waiter from wherever it stands in line; false if it was not waiting.
    mutating func removeWaiter(_ client: ClientID) -> Bool {
        guard let position = waiting.firstIndex(where: { $0.client == client }) else { return false }
        waiting.remove(at: position)
        if position < notified { notified -= 1 }
        return true
    }

    /// Takes the head waiter.
    mutating func popWaiter() -> Waiter? {
        guard let waiter = waiting.popFirst() else { return nil }
        if notified > 0 { notified -= 1 }
        return waiter
    }
}

/// The proxy's view of one client connection.
struct ProxyClient {
    enum State: UInt8 {
        case unused
        /// Logged in: linked to a server connection, or idle with nothing to run (`cl_active`).
        case active
        /// Sent a query and waits for a server connection (`cl_waiting`).
        case waiting
        case closed
    }
    var state = State.unused
    var pool: Int32 = -1
    var server: ServerID?
    var waitingSince: Int64 = 0
    var queryStart: Int64 = 0
    /// When the current transaction (or autocommit statement) started; -1 when none is open.
    var transactionStart: Int64 = -1
    var idleTransactionArmed = false
    /// When it logged in, for `SHOW CLIENTS`.
    var connectedAt: Int64 = 0
}

/// The proxy's view of one server connection.
struct ProxyServer {
    enum State: UInt8 {
        case unused
        /// Logging in (`sv_login`).
        case login
        /// In the pool, free (`sv_idle`, or `sv_used` once idle longer than `server_check_delay`).
        case idle
        /// Linked to a client (`sv_active`).
        case active
        /// Running the reset or check query (`sv_tested`).
        case tested
        case closed
    }
    var state = State.unused
    var pool: Int32 = -1
    var client: ClientID?
    var openedAt: Int64 = 0
    var idleSince: Int64 = 0
    /// A client's query is running on it.
    var busy = false
    /// The transaction status it reported last: a server is "ready" for someone else only when idle.
    var status = SessionState.TransactionStatus.idle
    var testing: ProxyServerQuery?
    /// Passed `server_check_query` since it was last lent: it goes out without another check.
    var verified = false
}
