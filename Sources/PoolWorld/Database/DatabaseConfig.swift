/// Every number the fake PostgreSQL server uses; the defaults are PostgreSQL's own.
public struct DatabaseConfig: Hashable, Sendable {
    /// `max_connections`: backends the server accepts in all, superusers included.
    public var maxConnections = 100
    /// `superuser_reserved_connections`: the last slots, kept for superusers.
    public var superuserReservedConnections = 3
    /// `reserved_connections` (PostgreSQL 16+): slots kept for roles with `pg_use_reserved_connections`.
    public var reservedConnections = 0
    /// Private memory of one idle backend. `ps` shows about 16 MiB RSS, but most of it is shared.
    public var memoryPerBackend = 2 * 1_024 * 1_024
    /// CPU cores shared by running queries; `nil` means as many as there are queries (CPU never queues).
    public var cores: Int? = 4
    /// What opening a connection costs.
    public var setup = ConnectionSetup.scram
    /// Client-to-server-and-back time added to every statement: loopback's, so that a pooled `SELECT 1` takes
    /// 50 us with `trivialStatementCost`, in the 0.03-0.08 ms measured with pgbench on a kept connection.
    public var roundTrip = SimDuration.microseconds(30)
    /// CPU that a trivial statement (`SELECT 1`, `SET`, `BEGIN`) uses on the server.
    public var trivialStatementCost = SimDuration.microseconds(20)
    /// `idle_session_timeout`; `nil` is PostgreSQL's 0 (off).
    public var idleSessionTimeout: SimDuration?
    /// `idle_in_transaction_session_timeout`; `nil` is off.
    public var idleInTransactionSessionTimeout: SimDuration?
    /// `statement_timeout` for every session; `nil` is off. Sessions may still `SET` their own.
    public var statementTimeout: SimDuration?
    /// A firewall or NAT between client and server that forgets connections idle for longer than this,
    /// dropping their packets without telling either side. `nil`: no such firewall.
    public var firewallIdleLimit: SimDuration?
    /// How long a client waits on a silently dropped connection before it gives up (TCP retransmission).
    public var firewallFailureDelay = SimDuration.zero
    /// How long the server keeps a backend whose client vanished behind the firewall (TCP keepalive:
    /// 2 h idle plus 9 probes 75 s apart, the Linux defaults).
    public var orphanedBackendLifetime = SimDuration.seconds(7_200 + 9 * 75)
    /// Extra time authentication takes (an overloaded LDAP server, a slow password hash).
    public var extraAuthDelay = SimDuration.zero
    /// When true, every authentication fails with PostgreSQL's password error.
    public var authenticationFails = false
    /// How long a restart keeps the server unavailable (`the database system is starting up`).
    public var restartDuration = SimDuration.seconds(2)
    /// The role the application connects as.
    public var user = "app"

    public init() {}

    /// Slots an ordinary role may use before it meets the reserved-slot error.
    public var slotsForOrdinaryRoles: Int {
        max(0, maxConnections - superuserReservedConnections - reservedConnections)
    }
}
