extension ProxyLab {
    /// 100 app servers, each keeping 20 connections to PgBouncer (2,000 client connections), in front of a
    /// PgBouncer in transaction mode with 50 server connections. Each client is a worker that thinks for about
    /// 100 ms, then runs a transaction that holds its server connection for about 32 ms (two 1 ms queries
    /// around 30 ms of application work). Demand is about twice what 50 connections serve, so clients queue
    /// inside PgBouncer, while the database never sees more than 50 backends.
    public static func fanInScenario(seed: UInt64 = 1) -> ProxyScenario {
        let transaction = RequestScript(
            name: "order",
            steps: [
                .statement(.begin), .query(.constant(.milliseconds(1))), .hold(.exponential(mean: .milliseconds(30))),
                .query(.constant(.milliseconds(1))), .statement(.commit),
            ])
        var scenario = ProxyScenario(
            workload: Workload(
                arrivals: .closedLoop(clients: 2_000, think: .exponential(mean: .milliseconds(100))),
                script: transaction, duration: .seconds(4)))
        scenario.proxy.poolMode = .transaction
        scenario.proxy.maxClientConn = 2_000
        scenario.proxy.defaultPoolSize = 50
        scenario.proxy.maxDBConnections = 50
        scenario.database.cores = 8
        scenario.pods = 100
        scenario.clientsPerPod = 20
        scenario.seed = seed
        scenario.options.sampleInterval = .milliseconds(100)
        scenario.options.drainLimit = .seconds(130)
        return scenario
    }

    static func fanInReport(seed: UInt64, mode: PoolMode?) throws(InputError) -> ProxyLabReport {
        let scenario = try scenario(named: "fan-in", mode: mode, seed: seed)
        let outcome = try ProxySimulation.run(scenario)
        let run = outcome.run
        let busiest = outcome.busiestPools.first
        var lines = [
            "\(grouped(outcome.clientConnections)) client connections from \(scenario.pods) app servers shared "
                + "\(scenario.proxy.defaultPoolSize) server connections; the database peaked at "
                + "\(run.maxDatabaseConnections) backends (max_connections \(scenario.database.maxConnections)).",
            "\(grouped(run.completed)) transactions in \(run.simulatedTime) "
                + "(\(grouped(Int(run.throughputPerSecond.rounded())))/s); latency \(percentiles(run)).",
            "At the busiest sample \(grouped(busiest?.clWaiting ?? 0)) clients waited (cl_waiting), the oldest for "
                + "\(busiest?.longestWait ?? .zero) (maxwait \(busiest?.maxwait ?? 0) s, maxwait_us "
                + "\(busiest?.maxwaitUs ?? 0)); the longest wait of the run was \(outcome.longestWait).",
            "Errors: \(errors(run)).",
        ]
        if let notice = scenario.proxy.queryWaitNoticeDelay, outcome.longestWait < notice {
            lines.append(
                "No client waited more than \(scenario.proxy.queryWaitNotify) (query_wait_notify), so nobody got the queued "
                    + "NOTICE, and query_wait_timeout (\(scenario.proxy.queryWaitTimeout)) is far away.")
        }
        return ProxyLabReport(
            name: "fan-in", summary: summary(0, mode: mode), lines: lines,
            tables: [
                .init(title: "SHOW POOLS at the busiest moment", table: ShowPoolsRow.table(outcome.busiestPools)),
                .init(title: "SHOW STATS at the end", table: ShowStatsRow.table(outcome.stats)),
            ],
            runs: [.init(label: "through PgBouncer", result: run, proxy: outcome)])
    }
}
