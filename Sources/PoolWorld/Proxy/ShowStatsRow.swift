/// One row of PgBouncer's `SHOW STATS`: one database's traffic. Times are in microseconds, as PgBouncer's.
public struct ShowStatsRow: Hashable, Sendable {
    public var database: String
    /// Times a server connection was assigned to a client.
    public var totalServerAssignmentCount: Int
    /// Transactions pooled (an autocommit statement is a transaction of its own).
    public var totalXactCount: Int
    /// Statements pooled.
    public var totalQueryCount: Int
    /// Bytes received from clients and sent to them.
    public var totalReceived: Int
    public var totalSent: Int
    /// Time linked to a server inside transactions (idle in transaction included), and running statements.
    public var totalXactTime: Int
    public var totalQueryTime: Int
    /// Time clients waited for a server connection, counted when one is assigned.
    public var totalWaitTime: Int
    /// Protocol-level prepared statements (`max_prepared_statements` > 0): Parse messages from clients, prepares
    /// PgBouncer sent to servers, and Bind messages it forwarded.
    public var totalClientParseCount = 0
    public var totalServerParseCount = 0
    public var totalBindCount = 0
    /// The same over the last `stats_period`: counts and bytes per second, times per transaction, per query
    /// and per assignment. Zero until the first period ends.
    public var avgServerAssignmentCount: Int
    public var avgXactCount: Int
    public var avgQueryCount: Int
    public var avgRecv: Int
    public var avgSent: Int
    public var avgXactTime: Int
    public var avgQueryTime: Int
    public var avgWaitTime: Int
    public var avgClientParseCount = 0
    public var avgServerParseCount = 0
    public var avgBindCount = 0

    /// PgBouncer 1.25's column names, in its order (`admin_show_stats` in src/stats.c).
    public static let columns = [
        "database", "total_server_assignment_count", "total_xact_count", "total_query_count", "total_received",
        "total_sent", "total_xact_time", "total_query_time", "total_wait_time", "total_client_parse_count",
        "total_server_parse_count", "total_bind_count", "avg_server_assignment_count", "avg_xact_count",
        "avg_query_count", "avg_recv", "avg_sent", "avg_xact_time", "avg_query_time", "avg_wait_time",
        "avg_client_parse_count", "avg_server_parse_count", "avg_bind_count",
    ]

    /// The row's cells, in the order of `columns`.
    public var values: [String] {
        [database]
            + [
                totalServerAssignmentCount, totalXactCount, totalQueryCount, totalReceived, totalSent, totalXactTime,
                totalQueryTime, totalWaitTime, totalClientParseCount, totalServerParseCount, totalBindCount,
                avgServerAssignmentCount, avgXactCount, avgQueryCount, avgRecv, avgSent, avgXactTime, avgQueryTime,
                avgWaitTime, avgClientParseCount, avgServerParseCount, avgBindCount,
            ].map(String.init)
    }

    /// Rows as the admin console prints them.
    public static func table(_ rows: [ShowStatsRow]) -> AdminTable {
        AdminTable(columns: columns, rows: rows.map(\.values))
    }
}
