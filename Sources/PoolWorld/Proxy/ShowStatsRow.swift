/// One row of PgBouncer's `SHOW STATS`: one database's traffic. Times are in microseconds, as PgBouncer's.
public struct ShowStatsRow: Hashable, Sendable {
    public var database: String
    /// Transactions pooled (an autocommit statement is a transaction of its own).
    public var totalXactCount: Int
    /// Statements pooled.
    public var totalQueryCount: Int
    /// Times a server connection was assigned to a client.
    public var totalServerAssignmentCount: Int
    /// Bytes received from clients and sent to them.
    public var totalReceived: Int
    public var totalSent: Int
    /// Time linked to a server inside transactions (idle in transaction included), and running statements.
    public var totalXactTime: Int
    public var totalQueryTime: Int
    /// Time clients waited for a server connection, counted when one is assigned.
    public var totalWaitTime: Int
    /// The same over the last `stats_period`: counts and bytes per second, times per transaction, per query
    /// and per assignment. Zero until the first period ends.
    public var avgXactCount: Int
    public var avgQueryCount: Int
    public var avgServerAssignmentCount: Int
    public var avgRecv: Int
    public var avgSent: Int
    public var avgXactTime: Int
    public var avgQueryTime: Int
    public var avgWaitTime: Int

    /// PgBouncer's column names, in the order the course lists them.
    public static let columns = [
        "database", "total_xact_count", "total_query_count", "total_server_assignment_count", "total_received",
        "total_sent", "total_xact_time", "total_query_time", "total_wait_time", "avg_xact_count", "avg_query_count",
        "avg_server_assignment_count", "avg_recv", "avg_sent", "avg_xact_time", "avg_query_time", "avg_wait_time",
    ]

    /// The row's cells, in the order of `columns`.
    public var values: [String] {
        [database]
            + [
                totalXactCount, totalQueryCount, totalServerAssignmentCount, totalReceived, totalSent, totalXactTime,
                totalQueryTime, totalWaitTime, avgXactCount, avgQueryCount, avgServerAssignmentCount, avgRecv,
                avgSent, avgXactTime, avgQueryTime, avgWaitTime,
            ].map(String.init)
    }

    /// Rows as the admin console prints them.
    public static func table(_ rows: [ShowStatsRow]) -> AdminTable {
        AdminTable(columns: columns, rows: rows.map(\.values))
    }
}
