extension Proxy {
    /// `SHOW POOLS` at `now`, one row per (database, user) pool in the order the pools were made.
    public func showPools(at now: SimInstant) -> [ShowPoolsRow] {
        let time = now.nanoseconds
        var active = [Int](repeating: 0, count: pools.count)
        var tested = [Int](repeating: 0, count: pools.count)
        for server in servers where server.pool >= 0 {
            if server.state == .active { active[Int(server.pool)] += 1 }
            if server.state == .tested { tested[Int(server.pool)] += 1 }
        }
        return pools.indices.map { index in
            let pool = pools[index]
            let used = pool.idle.filter { needsCheck($0, time) }.count
            let waited = pool.waiting.first.map { max(0, time - $0.since) } ?? 0
            return ShowPoolsRow(
                database: pool.database, user: pool.user, clActive: pool.clients - pool.waiting.count,
                clWaiting: pool.waiting.count, svActive: active[index], svIdle: pool.idle.count - used, svUsed: used,
                svTested: tested[index], svLogin: pool.loggingIn ? 1 : 0, maxwait: Int(waited / 1_000_000_000),
                maxwaitUs: Int(waited % 1_000_000_000 / 1_000), poolMode: pool.mode)
        }
    }

    /// `SHOW STATS`, one row per database.
    public var showStats: [ShowStatsRow] {
        let seconds = Double(statistics.lastPeriodLength) / 1e9
        return statistics.databases.map { name in
            let total = statistics.totals[name] ?? ProxyStatistics.Totals()
            let period = statistics.lastPeriod[name] ?? ProxyStatistics.Totals()
            func rate(_ count: Int) -> Int { seconds > 0 ? Int(Double(count) / seconds) : 0 }
            func mean(_ time: Int64, _ count: Int) -> Int { count > 0 ? Int(time / Int64(count) / 1_000) : 0 }
            return ShowStatsRow(
                database: name, totalServerAssignmentCount: total.assignments, totalXactCount: total.transactions,
                totalQueryCount: total.queries, totalReceived: total.received, totalSent: total.sent,
                totalXactTime: Int(total.transactionTime / 1_000), totalQueryTime: Int(total.queryTime / 1_000),
                totalWaitTime: Int(total.waitTime / 1_000), totalClientParseCount: total.clientParses,
                totalServerParseCount: total.serverParses, totalBindCount: total.binds,
                avgServerAssignmentCount: rate(period.assignments), avgXactCount: rate(period.transactions),
                avgQueryCount: rate(period.queries), avgRecv: rate(period.received), avgSent: rate(period.sent),
                avgXactTime: mean(period.transactionTime, period.transactions),
                avgQueryTime: mean(period.queryTime, period.queries),
                avgWaitTime: mean(period.waitTime, period.assignments), avgClientParseCount: rate(period.clientParses),
                avgServerParseCount: rate(period.serverParses), avgBindCount: rate(period.binds))
        }
    }

    /// Counts a prepared-statement message of `client`'s for `SHOW STATS`.
    mutating func countPrepared(_ kind: ProxyStatistics.PreparedCount, client: ClientID) {
        let pool = clients[Int(client.rawValue)].pool
        guard pool >= 0 else { return }
        statistics.prepared(kind, database: pools[Int(pool)].database)
    }

    /// Client connections open now, waiting ones included (what `max_client_conn` limits).
    public var clientConnections: Int { connectedClients }

    /// The pool a client belongs to, and the database and user of a pool, for the simulator's names.
    func poolOf(client: ClientID) -> Int32 { clients[Int(client.rawValue)].pool }
    func poolOf(server: ServerID) -> Int32 { servers[Int(server.rawValue)].pool }
    func poolName(_ pool: Int32) -> (database: String, user: String, mode: PoolMode, size: Int, reserve: Int) {
        let record = pools[Int(pool)]
        return (record.database, record.user, record.mode, record.size, record.reserveSize)
    }
    var poolCount: Int { pools.count }
}
