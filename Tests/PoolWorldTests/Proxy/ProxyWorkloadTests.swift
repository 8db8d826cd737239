import Testing

@testable import PoolWorld

/// Random proxy worlds, one per seed: every mode and limit, short timeouts, workloads that hold transactions
/// open, all small enough that a hundred run in a second or two. The invariant checker watches every action.
func randomProxyScenario(seed: UInt64) -> ProxyScenario {
    var random = WorldRandom(seed: seed)
    func pick<T>(_ options: [T]) -> T { options[random.below(options.count)] }
    func ms(_ low: Int, _ high: Int) -> SimDuration { .milliseconds(Double(low + random.below(high - low + 1))) }
    func sometimes(_ value: SimDuration) -> SimDuration { random.below(2) == 0 ? .zero : value }

    let scripts: [RequestScript] = [
        .query(.exponential(mean: ms(1, 5)), name: "autocommit"),
        .transaction(statements: 1 + random.below(3), cost: .constant(ms(1, 3)), gap: .constant(ms(0, 5))),
        RequestScript(
            name: "session-state",
            steps: [
                .statement(.set(name: "statement_timeout", value: "\(1 + random.below(20))ms", local: false)),
                .hold(.constant(ms(0, 5))), .query(.constant(ms(1, 10))),
            ]),
        RequestScript(
            name: "idle-in-transaction",
            steps: [.statement(.begin), .hold(.exponential(mean: ms(5, 40))), .statement(.commit)]),
        RequestScript(name: "sleeper", steps: [.statement(.sleep(ms(5, 30)))]),
    ]
    var mix: [(weight: Double, script: RequestScript)] = []
    for script in scripts where random.below(2) == 0 { mix.append((Double(1 + random.below(3)), script)) }
    if mix.isEmpty { mix = [(1, scripts[0])] }
    let arrivals: Workload.Arrivals = pick([
        .poisson(ArrivalRate(perSecond: Double(50 + random.below(400)))),
        .constant(ArrivalRate(perSecond: Double(50 + random.below(400)))),
        .closedLoop(clients: 1 + random.below(16), think: .exponential(mean: ms(0, 10))),
    ])
    var workload = Workload(arrivals: arrivals, mix: mix, requestLimit: 100 + random.below(200))
    if random.below(3) == 0 { workload.bursts = [Workload.Burst(at: ms(0, 200), count: 5 + random.below(40))] }
    if random.below(3) == 0 {
        workload.retry = RetryPolicy(
            maxAttempts: 1 + random.below(3), backoff: .constant(ms(1, 20)), retryErrors: random.below(2) == 0)
    }
    workload.routing = pick([.roundRobin, .random])

    var scenario = ProxyScenario(workload: workload)
    scenario.seed = seed
    scenario.pods = 1 + random.below(4)
    scenario.clientsPerPod = 1 + random.below(8)
    var proxy = ProxyConfig()
    proxy.poolMode = pick(PoolMode.allCases)
    proxy.defaultPoolSize = 1 + random.below(6)
    proxy.minPoolSize = random.below(proxy.defaultPoolSize + 1)
    proxy.reservePoolSize = random.below(3)
    proxy.reservePoolTimeout = sometimes(ms(5, 100))
    proxy.maxDBConnections = random.below(2) == 0 ? 0 : 1 + random.below(8)
    proxy.maxClientConn = 2 + random.below(40)
    proxy.serverIdleTimeout = sometimes(ms(20, 400))
    proxy.serverLifetime = ms(50, 2_000)
    proxy.serverCheckDelay = ms(0, 200)
    proxy.serverCheckQuery = pick(["<empty>", "", "SELECT 1"])
    proxy.serverResetQueryAlways = random.below(4) == 0
    proxy.serverRoundRobin = random.below(2) == 0
    proxy.serverLoginRetry = ms(5, 100)
    proxy.queryWaitTimeout = random.below(5) == 0 ? .zero : ms(20, 500)
    proxy.queryWaitNotify = ms(5, 100)
    proxy.idleTransactionTimeout = sometimes(ms(5, 60))
    proxy.statsPeriod = ms(50, 500)
    scenario.proxy = proxy
    scenario.database.maxConnections = 2 + random.below(12)
    scenario.database.superuserReservedConnections = random.below(2)
    scenario.database.cores = random.below(3) == 0 ? nil : 1 + random.below(4)
    scenario.database.setup = pick(ConnectionSetup.presets.map(\.setup))
    scenario.database.idleSessionTimeout = random.below(5) == 0 ? ms(50, 300) : nil
    scenario.database.idleInTransactionSessionTimeout = random.below(5) == 0 ? ms(5, 50) : nil
    scenario.options.checkInvariants = true
    scenario.options.drainLimit = .seconds(5)
    return scenario
}

@Suite struct ProxyWorkloadTests {
    @Test func theProxyKeepsEveryContractOnRandomWorlds() throws {
        var stuck = 0
        for seed: UInt64 in 1...150 {
            let scenario = randomProxyScenario(seed: seed)
            #expect(scenario.problems.isEmpty, "seed \(seed): \(scenario.problems)")
            let outcome = try ProxySimulation.run(scenario)
            let run = outcome.run
            // No server connection assigned to two clients, never above a pool's size plus reserve or
            // max_db_connections, one login at a time, waiters served in order, every query answered once.
            #expect(run.violations.isEmpty, "seed \(seed): \(run.violations.prefix(3))")
            // Every request ends exactly once (or is still stuck when the run stops).
            #expect(run.completed + run.timedOut + run.errored + run.unfinished == run.requests, "seed \(seed)")
            #expect(run.maxDatabaseConnections <= scenario.database.maxConnections, "seed \(seed)")
            let capacity = outcome.pools.count * (scenario.proxy.defaultPoolSize + scenario.proxy.reservePoolSize)
            #expect(outcome.peakServerConnections <= max(capacity, 1), "seed \(seed)")
            if scenario.proxy.maxDBConnections > 0 {
                #expect(outcome.peakServerConnections <= scenario.proxy.maxDBConnections, "seed \(seed)")
            }
            #expect(outcome.clientConnections <= scenario.pods * scenario.clientsPerPod * max(1, run.requests))
            if run.unfinished > 0 {
                // Requests are left over only when clients may wait for ever, or in session mode, where the pods'
                // idle client connections keep their server connections and the rest can only time out, one
                // query_wait_timeout after another, until the drain limit stops the run.
                #expect(
                    scenario.proxy.queryWaitTimeout == .zero || scenario.proxy.poolMode == .session,
                    "seed \(seed): \(run.unfinished) unfinished")
                stuck += 1
                continue
            }
            #expect(outcome.pools.allSatisfy { $0.clWaiting == 0 }, "seed \(seed)")
            let stats = outcome.stats.reduce(0) { $0 + $1.totalXactCount }
            let queries = outcome.stats.reduce(0) { $0 + $1.totalQueryCount }
            #expect(stats <= queries, "seed \(seed)")
            let law = run.littlesLaw
            #expect(abs(law.meanInSystem - law.predictedInSystem) <= 1e-9 * max(1, law.meanInSystem), "seed \(seed)")
        }
        #expect(stuck < 20)
    }

    @Test func theSameSeedReplaysTheRunEventForEvent() throws {
        var scenario = randomProxyScenario(seed: 7)
        scenario.options.recordTrace = true
        let first = try ProxySimulation.run(scenario)
        let second = try ProxySimulation.run(scenario)
        #expect(first.run.trace.count > 500)
        #expect(first.run.trace == second.run.trace)
        #expect(first.stats == second.stats)
        scenario.seed = 8
        #expect(try ProxySimulation.run(scenario).run.trace != first.run.trace)
    }

    @Test func showPoolsDuringAFanInLoadShowsWaitingClientsAndMaxwait() throws {
        let world = ProxyWorld(scenario: ProxyLab.fanInScenario())
        _ = try world.advance(by: .seconds(2))
        let row = try #require(world.showPools().first)
        #expect(row.clActive + row.clWaiting == 2_000)
        #expect(row.clWaiting > 100)
        #expect(row.maxwait >= 1)
        #expect(row.svActive + row.svIdle + row.svUsed + row.svTested + row.svLogin == 50)
        #expect(world.database.connections == 50)
        #expect(world.violations.isEmpty)
    }

    @Test func podsAboveMaxClientConnAreRefusedWithPgBouncersText() throws {
        var (_, scenario) = ProxyLab.fleetScenarios()
        scenario.proxy.maxClientConn = 100
        let outcome = try ProxySimulation.run(scenario)
        #expect(outcome.refusedClientConnections > 0)
        #expect(outcome.clientConnections == 100)
        #expect(outcome.run.errorsByMessage["FATAL: no more connections allowed (max_client_conn)", default: 0] > 0)
        #expect(outcome.run.maxDatabaseConnections <= 50)
    }

    @Test func aScenarioWithProblemsIsRefusedWithThemAll() {
        var scenario = ProxyScenario(
            workload: Workload(arrivals: .none, script: .nestedTransaction(hold: .constant(.milliseconds(1)))))
        scenario.pods = 0
        #expect(
            throws: InputError(
                "the scenario needs at least one pod, got 0; script \"nested\" borrows a second connection; "
                    + "through the proxy a request uses one")
        ) { try ProxySimulation.run(scenario) }
    }
}
