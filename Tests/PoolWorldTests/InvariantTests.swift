import Testing

@testable import PoolWorld

/// Random worlds, one per seed: every pool feature, faults and workload shapes mixed, small enough that
/// hundreds run in a second. The invariant checker watches every action.
func randomScenario(seed: UInt64) -> Scenario {
    var random = WorldRandom(seed: seed)
    func pick<T>(_ options: [T]) -> T { options[random.below(options.count)] }
    func ms(_ low: Int, _ high: Int) -> SimDuration { .milliseconds(Double(low + random.below(high - low + 1))) }

    let scripts: [RequestScript] = [
        .hold(.exponential(mean: ms(1, 20))), .query(.exponential(mean: ms(1, 10))),
        .transaction(statements: 1 + random.below(3), cost: .constant(ms(1, 5)), gap: .constant(ms(0, 3))),
        .nestedTransaction(hold: .constant(ms(1, 5))),
        RequestScript(
            name: "session",
            steps: [.statement(.set(name: "application_name", value: "x", local: false)), .hold(.constant(ms(1, 5)))]),
    ]
    var mix: [(weight: Double, script: RequestScript)] = []
    for script in scripts where random.below(2) == 0 { mix.append((Double(1 + random.below(3)), script)) }
    if mix.isEmpty { mix = [(1, scripts[0])] }
    let arrivals: Workload.Arrivals = pick([
        .poisson(ArrivalRate(perSecond: Double(50 + random.below(400)))),
        .constant(ArrivalRate(perSecond: Double(50 + random.below(400)))),
        .closedLoop(clients: 1 + random.below(12), think: .exponential(mean: ms(0, 10))),
    ])
    var workload = Workload(arrivals: arrivals, mix: mix, requestLimit: 100 + random.below(200))
    if random.below(3) == 0 { workload.bursts = [Workload.Burst(at: ms(0, 200), count: 5 + random.below(40))] }
    if random.below(2) == 0 {
        workload.retry = RetryPolicy(
            maxAttempts: 1 + random.below(3),
            backoff: pick([.none, .constant(ms(1, 20)), .exponential(base: ms(1, 10), cap: ms(20, 100), jitter: true)]),
            retryErrors: random.below(2) == 0)
    }
    workload.routing = pick([.roundRobin, .random])

    var scenario = Scenario(workload: workload)
    scenario.seed = seed
    scenario.instances = 1 + random.below(3)
    var pool = PoolConfig()
    pool.maxSize = 1 + random.below(6)
    pool.minIdle = random.below(pool.maxSize + 1)
    pool.maxOverflow = random.below(3)
    pool.borrowTimeout = random.below(4) == 0 ? nil : ms(5, 200)
    pool.idleTimeout = random.below(2) == 0 ? nil : ms(20, 500)
    pool.housekeepingInterval = ms(10, 100)
    pool.maxLifetime = random.below(2) == 0 ? nil : ms(100, 2_000)
    pool.validation = random.below(2) == 0 ? .none : .onBorrow(ifIdleFor: ms(0, 50))
    pool.keepAliveInterval = random.below(3) == 0 ? ms(20, 200) : nil
    pool.leakDetectionThreshold = random.below(3) == 0 ? ms(5, 50) : nil
    pool.idleOrder = pick([.lifo, .fifo])
    pool.failBorrowOnConnectError = random.below(2) == 0
    scenario.pool = pool
    scenario.warmStart = random.below(2) == 0
    scenario.database.maxConnections = 2 + random.below(12)
    scenario.database.superuserReservedConnections = random.below(2)
    scenario.database.cores = random.below(3) == 0 ? nil : 1 + random.below(4)
    scenario.database.setup = pick(ConnectionSetup.presets.map(\.setup))
    scenario.database.firewallIdleLimit = random.below(4) == 0 ? ms(50, 300) : nil
    scenario.database.idleSessionTimeout = random.below(4) == 0 ? ms(50, 300) : nil
    scenario.database.idleInTransactionSessionTimeout = random.below(4) == 0 ? ms(5, 50) : nil
    scenario.options.checkInvariants = true
    scenario.options.drainLimit = .seconds(5)
    return scenario
}

@Suite struct InvariantTests {
    @Test func theReferencePoolKeepsEveryContractOnRandomWorlds() throws {
        var deadlocked = 0
        for seed: UInt64 in 1...300 {
            let scenario = randomScenario(seed: seed)
            #expect(scenario.problems.isEmpty, "seed \(seed): \(scenario.problems)")
            let result = Simulation.run(scenario)
            // No connection lent twice, never above the pool's maximum, waiters served in order, every borrow
            // answered once: the checker saw every action.
            #expect(result.violations.isEmpty, "seed \(seed): \(result.violations.prefix(3))")
            #expect(result.maxDatabaseConnections <= scenario.database.maxConnections, "seed \(seed)")
            // Every request ends exactly once (or is still stuck at the drain limit).
            #expect(result.completed + result.timedOut + result.errored + result.unfinished == result.requests)
            let limit = scenario.workload.requestLimit ?? 0
            let burst = scenario.workload.bursts.first?.count ?? 0
            #expect(result.requests <= limit && result.requests >= min(limit, burst), "seed \(seed)")
            if result.unfinished > 0 {
                // Only a pool without a borrow timeout can leave a request waiting for ever.
                #expect(scenario.pool.borrowTimeout == nil, "seed \(seed): \(result.unfinished) unfinished")
                deadlocked += 1
                continue
            }
            // The counters add up.
            for (index, counters) in result.poolCounters.enumerated() {
                let metrics = result.poolMetrics[index]
                #expect(counters.created - counters.closedTotal == metrics.total, "seed \(seed) pool \(index)")
                #expect(metrics.total == metrics.idle + metrics.active, "seed \(seed) pool \(index)")
                #expect(metrics.waiting == 0, "seed \(seed)")
                #expect(
                    counters.borrows == counters.lent + counters.timeouts + counters.failedOtherwise,
                    "seed \(seed) pool \(index): \(counters)")
            }
            let borrows = result.poolCounters.map(\.borrows).reduce(0, +)
            #expect(borrows >= result.requests, "seed \(seed)")
            let law = result.littlesLaw
            #expect(abs(law.meanInSystem - law.predictedInSystem) <= 1e-9 * max(1, law.meanInSystem), "seed \(seed)")
        }
        // Some random worlds do deadlock (nested transactions, no timeout), which is the point of lesson 10,
        // but most must finish.
        #expect(deadlocked < 60)
    }

    @Test func theCheckerCatchesEachKindOfBrokenPool() {
        func violations(_ bug: ToyPool.Bug, timeout: Bool = false) -> [String] {
            var scenario = Scenario(
                workload: Workload(
                    arrivals: .closedLoop(clients: 6, think: .exponential(mean: .milliseconds(2))),
                    script: .hold(.exponential(mean: .milliseconds(10))), requestLimit: 200))
            scenario.options.checkInvariants = true
            scenario.options.drainLimit = .seconds(1)
            return Simulation.run(scenario) { _ in ToyPool(size: 2, bug: bug) }.violations.map(\.message)
        }
        #expect(violations(.none).isEmpty)
        #expect(violations(.lendsTwice).contains { $0.contains("lent c1, which is already lent") })
        #expect(
            violations(.exceedsLimit).contains {
                $0.contains("has 3 connections open or opening, above its maximum of 2")
            })
        #expect(violations(.servesNewestWaiterFirst).contains { $0.contains("which asked earlier") })
        #expect(violations(.answersTwice).contains { $0.contains("which is not waiting for a connection") })
    }

    @Test func aLearnersPoolRunsInTheSameWorld() {
        var scenario = holdScenario(size: 3, rate: 60, hold: .milliseconds(40), requests: 2_000, seed: 4, warm: false)
        scenario.options.checkInvariants = true
        let toy = Simulation.run(scenario) { _ in ToyPool(size: 3) }
        let reference = Simulation.run(scenario)
        #expect(toy.violations.isEmpty)
        #expect(toy.completed == 2_000 && reference.completed == 2_000)
        // Same arrivals and holds, both first come first served: only connection identities may differ.
        #expect(toy.meanWait == reference.meanWait)
    }
}
