import Testing

@testable import PoolWorld

/// What the shell's lab adds to a running world: bursts of a new script, and runs that can be stopped.
@Suite struct LabHooksTests {
    @Test func aBurstOfANewScriptPlaysOutAndEveryRequestEnds() throws {
        var pool = PoolConfig.plain(size: 3)
        pool.minIdle = 3
        var scenario = Scenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        scenario.pool = pool
        scenario.warmStart = true
        let world = ReferenceWorld(scenario: scenario) { _ in ReferencePool(config: pool, seed: 1) }
        _ = try world.burst(10, script: .hold(.constant(.milliseconds(100)), name: "burst"))
        #expect(world.poolMetrics[0].active == 3)
        #expect(world.poolMetrics[0].waiting == 7)
        let events = try world.advance(by: .seconds(1))
        let completed = events.filter { if case .completed = $0.kind { true } else { false } }
        #expect(completed.count == 10)
        #expect(world.liveRequests == 0)
        #expect(world.violations.isEmpty)
        #expect(throws: InputError.self) { try world.burst(0, script: .hold(.constant(.zero))) }
    }

    @Test func aRunCanBeStoppedPartWayAndReportsWhatItMeasured() {
        var scenario = Scenario(
            workload: Workload(
                arrivals: .poisson(ArrivalRate(perSecond: 400)), script: .hold(.exponential(mean: .milliseconds(40))),
                requestLimit: 100_000))
        scenario.pool = .plain(size: 20)
        var asked = 0
        let result = Simulation.runInterruptibly(scenario) { started in
            asked += 1
            return started < 20_000
        }
        #expect(asked >= 2)
        #expect(result.requests >= 20_000 && result.requests < 30_000)
        #expect(result.completed + result.timedOut + result.errored + result.unfinished == result.requests)
        let whole = Simulation.runInterruptibly(scenario) { _ in true }
        #expect(whole.requests == 100_000)
        #expect(whole.completed == Simulation.run(scenario).completed)
    }
}
