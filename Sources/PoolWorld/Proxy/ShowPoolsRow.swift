/// One row of PgBouncer's `SHOW POOLS`: the state of one (database, user) pool at one instant.
public struct ShowPoolsRow: Hashable, Sendable {
    public var database: String
    public var user: String
    /// Clients linked to a server connection or idle with nothing to run.
    public var clActive: Int
    /// Clients that sent a query and have no server connection yet.
    public var clWaiting: Int
    /// Cancel requests (the world sends none; PgBouncer shows the columns, so do we).
    public var clActiveCancelReq = 0
    public var clWaitingCancelReq = 0
    /// Server connections linked to a client.
    public var svActive: Int
    public var svActiveCancel = 0
    public var svBeingCanceled = 0
    /// Server connections ready for immediate use.
    public var svIdle: Int
    /// Server connections idle longer than `server_check_delay`: they run `server_check_query` before reuse.
    public var svUsed: Int
    /// Server connections running `server_reset_query` or `server_check_query`.
    public var svTested: Int
    /// Server connections logging in.
    public var svLogin: Int
    /// How long the oldest waiting client has waited: whole seconds, and the microseconds beyond them.
    public var maxwait: Int
    public var maxwaitUs: Int
    public var poolMode: PoolMode
    /// `load_balance_hosts` when the database lists several hosts; the world has one server, so it is empty
    /// (NULL), as PgBouncer shows it for a single host.
    public var loadBalanceHosts = ""

    /// PgBouncer 1.25's column names, in its order (`admin_show_pools` in src/admin.c).
    public static let columns = [
        "database", "user", "cl_active", "cl_waiting", "cl_active_cancel_req", "cl_waiting_cancel_req", "sv_active",
        "sv_active_cancel", "sv_being_canceled", "sv_idle", "sv_used", "sv_tested", "sv_login", "maxwait", "maxwait_us",
        "pool_mode", "load_balance_hosts",
    ]

    /// The row's cells, in the order of `columns`.
    public var values: [String] {
        [database, user]
            + [
                clActive, clWaiting, clActiveCancelReq, clWaitingCancelReq, svActive, svActiveCancel, svBeingCanceled,
                svIdle, svUsed, svTested, svLogin, maxwait, maxwaitUs,
            ].map(String.init) + [poolMode.rawValue, loadBalanceHosts]
    }

    /// `maxwait` and `maxwait_us` together.
    public var longestWait: SimDuration {
        SimDuration(nanoseconds: Int64(maxwait) * 1_000_000_000 + Int64(maxwaitUs) * 1_000)
    }

    /// Rows as the admin console prints them.
    public static func table(_ rows: [ShowPoolsRow]) -> AdminTable {
        AdminTable(columns: columns, rows: rows.map(\.values))
    }
}
