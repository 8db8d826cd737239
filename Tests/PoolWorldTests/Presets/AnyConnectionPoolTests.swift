import Testing

@testable import PoolWorld

/// A boxed pool runs exactly as the same pool unboxed: the box changes the speed, never the run.
@Suite struct AnyConnectionPoolTests {
    @Test func aBoxedReferencePoolGivesTheSameRunEventForEvent() {
        var scenario = Scenario(
            workload: Workload(
                arrivals: .poisson(ArrivalRate(perSecond: 300)), script: .hold(.exponential(mean: .milliseconds(30))),
                requestLimit: 3_000))
        scenario.pool = PoolPreset.nodePostgres.config
        scenario.seed = 11
        scenario.options.recordTrace = true
        let plain = Simulation.run(scenario)
        let boxed = Simulation.runBoxed(scenario) { index in
            ReferencePool(config: scenario.pool, seed: Simulation.poolSeed(scenario.seed, index))
        }
        #expect(boxed.trace.map(\.description) == plain.trace.map(\.description))
        #expect(boxed.completed == plain.completed && boxed.requests == 3_000)
        #expect(boxed.latency(percentile: 99) == plain.latency(percentile: 99))
        #expect(boxed.poolMetrics == plain.poolMetrics)
        // Only the unboxed run can read the reference pool's own counters.
        #expect(plain.poolCounters.count == 1 && boxed.poolCounters.isEmpty)
    }
}
