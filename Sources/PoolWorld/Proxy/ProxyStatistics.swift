/// The counters behind `SHOW STATS`, per database, and their averages over the last `stats_period`.
///
/// Totals grow from the start. Every `stats_period` the proxy compares the totals with those at the previous
/// period's end: counts and bytes become rates per second, times become means per transaction, query or
/// assignment, as PgBouncer computes its `avg_*` columns.
struct ProxyStatistics {
    /// Running totals; times in nanoseconds.
    struct Totals: Hashable {
        var transactions = 0
        var queries = 0
        var assignments = 0
        var received = 0
        var sent = 0
        var transactionTime: Int64 = 0
        var queryTime: Int64 = 0
        var waitTime: Int64 = 0
        /// Protocol-level prepared statements: Parse messages from clients (tracked by the proxy), prepares the
        /// proxy sent to servers, and Bind messages it forwarded.
        var clientParses = 0
        var serverParses = 0
        var binds = 0
    }

    private(set) var databases: [String] = []
    private(set) var totals: [String: Totals] = [:]
    private var atPeriodStart: [String: Totals] = [:]
    /// The last complete period's difference, per database, and its length in nanoseconds.
    private(set) var lastPeriod: [String: Totals] = [:]
    private(set) var lastPeriodLength: Int64 = 0

    mutating func addDatabase(_ name: String) {
        guard totals[name] == nil else { return }
        databases.append(name)
        totals[name] = Totals()
        atPeriodStart[name] = Totals()
    }

    mutating func received(_ bytes: Int, database: String) {
        totals[database]?.received += bytes
    }

    mutating func answered(bytes: Int, took: Int64, database: String) {
        totals[database]?.queries += 1
        totals[database]?.sent += bytes
        totals[database]?.queryTime += took
    }

    mutating func transactionEnded(took: Int64, database: String) {
        totals[database]?.transactions += 1
        totals[database]?.transactionTime += took
    }

    mutating func assigned(waited: Int64, database: String) {
        totals[database]?.assignments += 1
        totals[database]?.waitTime += waited
    }

    mutating func prepared(_ kind: PreparedCount, database: String) {
        switch kind {
        case .clientParse: totals[database]?.clientParses += 1
        case .serverParse: totals[database]?.serverParses += 1
        case .bind: totals[database]?.binds += 1
        }
    }

    /// Which prepared-statement counter of `SHOW STATS` a message moves.
    enum PreparedCount { case clientParse, serverParse, bind }

    /// Closes a period of `length` nanoseconds: the averages now describe it.
    mutating func roll(length: Int64) {
        lastPeriodLength = length
        for name in databases {
            let now = totals[name] ?? Totals()
            let start = atPeriodStart[name] ?? Totals()
            lastPeriod[name] = Totals(
                transactions: now.transactions - start.transactions, queries: now.queries - start.queries,
                assignments: now.assignments - start.assignments, received: now.received - start.received,
                sent: now.sent - start.sent, transactionTime: now.transactionTime - start.transactionTime,
                queryTime: now.queryTime - start.queryTime, waitTime: now.waitTime - start.waitTime,
                clientParses: now.clientParses - start.clientParses,
                serverParses: now.serverParses - start.serverParses,
                binds: now.binds - start.binds)
            atPeriodStart[name] = now
        }
    }
}
