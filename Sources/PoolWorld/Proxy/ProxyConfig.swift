/// PgBouncer's settings, with PgBouncer's defaults (version 1.25).
///
/// Durations follow pgbouncer.ini: zero means off (except `server_lifetime`, where zero means "use a server
/// connection once", and `server_check_delay`, where zero means "check before every reuse"). Read a file with
/// `ProxyConfig(ini:)`; every field can also be set directly.
public struct ProxyConfig: Hashable, Sendable {
    /// One line of the `[databases]` section: a name clients connect to, and how to reach the server.
    ///
    /// The world has one PostgreSQL server, so `host`, `port` and `dbname` are kept for display only; the
    /// per-database overrides are real.
    public struct Database: Hashable, Sendable {
        /// The name clients ask for, or `*` for the fallback entry.
        public var name: String
        public var host: String?
        public var port = 5432
        /// The server-side database name (defaults to `name`).
        public var dbname: String?
        /// A forced user: every client of this database shares one pool, logged in as this user.
        public var user: String?
        public var poolSize: Int?
        public var minPoolSize: Int?
        public var reservePoolSize: Int?
        public var poolMode: PoolMode?
        public var maxDBConnections: Int?
        public var serverLifetime: SimDuration?
        /// Not a `[databases]` key in PgBouncer 1.25 (it came later), so a pgbouncer.ini cannot set it; code can.
        public var queryWaitTimeout: SimDuration?
        /// Keys PgBouncer 1.25 accepts here that the world does not simulate (`client_encoding`, …), as written.
        public var unsimulated: [String: String] = [:]

        public init(name: String) {
            self.name = name
        }
    }

    /// `[databases]`, in file order.
    public var databases: [Database] = [Database(name: "app")]
    /// `pool_mode`.
    public var poolMode = PoolMode.session
    /// `max_client_conn`: client connections accepted in all.
    public var maxClientConn = 100
    /// `default_pool_size`: server connections per (database, user) pool.
    public var defaultPoolSize = 20
    /// `min_pool_size`: server connections kept open while the pool has clients (or a forced user).
    public var minPoolSize = 0
    /// `reserve_pool_size`: extra server connections for clients that have waited `reserve_pool_timeout`.
    public var reservePoolSize = 0
    /// `reserve_pool_timeout`; zero disables the reserve pool.
    public var reservePoolTimeout = SimDuration.seconds(5)
    /// `max_db_connections`: server connections per database across its pools; 0 is unlimited.
    public var maxDBConnections = 0
    /// `max_user_connections`: server connections per user across databases; 0 is unlimited.
    public var maxUserConnections = 0
    /// `server_idle_timeout`: close server connections idle this long (never below `min_pool_size`); 0: off.
    public var serverIdleTimeout = SimDuration.seconds(600)
    /// `server_lifetime`: close unused server connections this old, staggered; 0: use each one once.
    public var serverLifetime = SimDuration.seconds(3_600)
    /// `server_check_delay`: a server connection idle longer than this runs `server_check_query` before reuse.
    public var serverCheckDelay = SimDuration.seconds(30)
    /// `server_check_query`: empty disables the check; `<empty>` (the default) sends an empty query.
    public var serverCheckQuery = "<empty>"
    /// `server_reset_query`: run on release in session mode (in every mode with `server_reset_query_always`).
    public var serverResetQuery = "DISCARD ALL"
    /// `server_reset_query_always`.
    public var serverResetQueryAlways = false
    /// `server_round_robin`: reuse server connections FIFO instead of LIFO.
    public var serverRoundRobin = false
    /// `server_login_retry`: after a failed login, wait this long before the next one.
    public var serverLoginRetry = SimDuration.seconds(15)
    /// `query_wait_timeout`: a client waiting this long for a server connection is disconnected; 0: forever.
    public var queryWaitTimeout = SimDuration.seconds(120)
    /// `query_wait_notify`: a client queued longer than this many whole seconds gets a NOTICE that it is queued;
    /// 0: never. pgbouncer.ini takes an integer (CF_INT in 1.25).
    public var queryWaitNotify = SimDuration.seconds(5)

    /// When a queued client gets the NOTICE: PgBouncer 1.25 compares whole seconds waited with
    /// `query_wait_notify` and sends it once they exceed it (`(now - wait_start) / USEC > cf_query_wait_notify`
    /// in src/janitor.c), so at 6 s with the default 5, though the documentation says 5.
    public var queryWaitNoticeDelay: SimDuration? {
        guard queryWaitNotify > .zero else { return nil }
        return .seconds((queryWaitNotify.seconds).rounded(.down) + 1)
    }
    /// `idle_transaction_timeout`: a client idle in a transaction this long is disconnected; 0: off.
    public var idleTransactionTimeout = SimDuration.zero
    /// `max_prepared_statements`: above zero, PgBouncer tracks protocol-level prepared statements in
    /// transaction and statement mode, so they work whichever server connection a client lands on.
    public var maxPreparedStatements = 200
    /// `stats_period`: how often the `avg_*` columns of `SHOW STATS` are recomputed.
    public var statsPeriod = SimDuration.seconds(60)
    /// `listen_port`, shown in the admin views only.
    public var listenPort = 6432
    /// Parameters the world accepts but does not simulate, as written (`auth_type` → `scram-sha-256`).
    public var unsimulated: [String: String] = [:]
    /// `[users]` and `[peers]` lines, accepted as PgBouncer 1.25 accepts them and not simulated.
    public var unsimulatedEntries: [String] = []

    public init() {}

    /// The `[databases]` entry clients reach by asking for `name` (an exact entry, else `*`).
    public func database(named name: String) -> Database? {
        databases.first { $0.name == name } ?? databases.first { $0.name == "*" }
    }

    /// Problems that make this configuration unusable, each a full sentence; empty when it is fine.
    public var problems: [String] {
        var found: [String] = []
        if maxClientConn < 1 { found.append("max_client_conn must be at least 1, got \(maxClientConn)") }
        if defaultPoolSize < 1 { found.append("default_pool_size must be at least 1, got \(defaultPoolSize)") }
        for (name, value) in [
            ("min_pool_size", minPoolSize), ("reserve_pool_size", reservePoolSize),
            ("max_db_connections", maxDBConnections), ("max_user_connections", maxUserConnections),
            ("max_prepared_statements", maxPreparedStatements),
        ] where value < 0 {
            found.append("\(name) must be 0 or more, got \(value)")
        }
        for (name, value) in [
            ("reserve_pool_timeout", reservePoolTimeout), ("server_idle_timeout", serverIdleTimeout),
            ("server_lifetime", serverLifetime), ("server_check_delay", serverCheckDelay),
            ("server_login_retry", serverLoginRetry), ("query_wait_timeout", queryWaitTimeout),
            ("query_wait_notify", queryWaitNotify), ("idle_transaction_timeout", idleTransactionTimeout),
        ] where value < .zero {
            found.append("\(name) must be 0 or more, got \(value)")
        }
        if statsPeriod <= .zero { found.append("stats_period must be above zero, got \(statsPeriod)") }
        if !serverResetQuery.isEmpty, (try? SQLStatement(parsing: serverResetQuery)) == nil {
            found.append("server_reset_query \"\(serverResetQuery)\" is not a statement the world's server understands")
        }
        if !serverCheckQuery.isEmpty, serverCheckQuery != "<empty>",
            (try? SQLStatement(parsing: serverCheckQuery)) == nil
        {
            found.append("server_check_query \"\(serverCheckQuery)\" is not a statement the world's server understands")
        }
        var seen: Set<String> = []
        for database in databases {
            if !seen.insert(database.name).inserted { found.append("database \"\(database.name)\" is listed twice") }
            if database.name == "pgbouncer" {
                found.append("the database name \"pgbouncer\" is reserved for the admin console")
            }
            if let size = database.poolSize, size < 1 {
                found.append("database \"\(database.name)\": pool_size must be at least 1, got \(size)")
            }
        }
        return found
    }
}
