extension ProxyLab {
    /// 40 pods, each with an application pool of up to 20 connections, serving 2,000 requests a second
    /// between them: each request reads (0.5 ms), works in the application for about 40 ms while holding its
    /// connection, then writes (0.5 ms), outside any transaction. `direct`: every pod's pool logs in to
    /// PostgreSQL (max_connections 100, 3 reserved for superusers); a pool that cannot open a connection fails
    /// the borrow with the server's error, as SQLAlchemy and node-postgres do. `proxied`: the same pods keep
    /// their 20 connections to one PgBouncer in transaction mode (max_client_conn 1,000), which holds at
    /// most 50 server connections (`max_db_connections`) and uses one only while a statement runs.
    public static func fleetScenarios(seed: UInt64 = 1) -> (direct: Scenario, proxied: ProxyScenario) {
        let request = RequestScript(
            name: "api-call",
            steps: [
                .query(.constant(.microseconds(500))), .hold(.exponential(mean: .milliseconds(40))),
                .query(.constant(.microseconds(500))),
            ])
        let workload = Workload(
            arrivals: .poisson(ArrivalRate(perSecond: 2_000)), script: request, duration: .seconds(3))
        var direct = Scenario(workload: workload)
        direct.instances = 40
        direct.pool = .plain(size: 20, borrowTimeout: .seconds(30))
        direct.pool.name = "pod"
        direct.pool.failBorrowOnConnectError = true
        direct.seed = seed
        var proxied = ProxyScenario(workload: workload)
        proxied.pods = 40
        proxied.clientsPerPod = 20
        proxied.proxy.poolMode = .transaction
        proxied.proxy.maxClientConn = 1_000
        proxied.proxy.defaultPoolSize = 50
        proxied.proxy.maxDBConnections = 50
        proxied.seed = seed
        proxied.options.sampleInterval = .milliseconds(100)
        return (direct, proxied)
    }

    static func fleetReport(seed: UInt64, mode: PoolMode?) throws(InputError) -> ProxyLabReport {
        let direct = fleetScenarios(seed: seed).direct
        let proxied = try scenario(named: "proxy-fleet", mode: mode, seed: seed)
        let withoutProxy = Simulation.run(direct)
        let withProxy = try ProxySimulation.run(proxied)
        let through = withProxy.run
        let limit = direct.database.maxConnections
        let lines = [
            "Direct: \(direct.instances) pods × pool \(direct.pool.maxSize) could open "
                + "\(grouped(direct.instances * direct.pool.maxSize)) connections; the database peaked at "
                + "\(withoutProxy.maxDatabaseConnections) of \(limit) and refused "
                + "\(grouped(withoutProxy.database.refusedConnections)) logins.",
            "Direct: \(grouped(withoutProxy.completed)) of \(grouped(withoutProxy.requests)) requests completed; "
                + "errors: \(errors(withoutProxy)); latency \(percentiles(withoutProxy)).",
            "Through PgBouncer: \(grouped(withProxy.clientConnections)) client connections, "
                + "\(withProxy.peakServerConnections) server connections at most "
                + "(max_db_connections \(proxied.proxy.maxDBConnections)); the database peaked at "
                + "\(through.maxDatabaseConnections) of \(limit).",
            "Through PgBouncer: \(grouped(through.completed)) of \(grouped(through.requests)) requests completed; "
                + "errors: \(errors(through)); latency \(percentiles(through)); longest wait for a server "
                + "connection \(withProxy.longestWait).",
        ]
        return ProxyLabReport(
            name: "proxy-fleet", summary: summary(2, mode: mode), lines: lines,
            tables: [
                .init(title: "SHOW POOLS at the busiest moment", table: ShowPoolsRow.table(withProxy.busiestPools)),
                .init(title: "SHOW STATS at the end", table: ShowStatsRow.table(withProxy.stats)),
            ],
            runs: [
                .init(label: "direct", result: withoutProxy, proxy: nil),
                .init(label: "through PgBouncer", result: through, proxy: withProxy),
            ])
    }
}
