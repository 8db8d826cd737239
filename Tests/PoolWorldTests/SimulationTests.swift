import Testing

@testable import PoolWorld

/// A Poisson workload of plain holds, the M/M/c shape.
func holdScenario(
    size: Int, rate: Double, hold: SimDuration, requests: Int, seed: UInt64, timeout: SimDuration? = nil,
    warm: Bool = true
) -> Scenario {
    var scenario = Scenario(
        workload: Workload(
            arrivals: .poisson(ArrivalRate(perSecond: rate)), script: .hold(.exponential(mean: hold)),
            requestLimit: requests))
    scenario.pool = .plain(size: size, borrowTimeout: timeout)
    scenario.pool.minIdle = warm ? size : 0
    scenario.warmStart = warm
    scenario.database.cores = nil
    scenario.seed = seed
    return scenario
}

@Suite struct SimulationTests {
    @Test func theSameSeedReplaysTheRunEventForEvent() {
        var scenario = holdScenario(
            size: 3, rate: 50, hold: .milliseconds(40), requests: 300, seed: 9, timeout: .milliseconds(60))
        scenario.options.recordTrace = true
        let first = Simulation.run(scenario)
        let second = Simulation.run(scenario)
        #expect(first.trace == second.trace)
        #expect(first.trace.count > 1_000)
        #expect(first.latency == second.latency)
        scenario.seed = 10
        #expect(Simulation.run(scenario).trace != first.trace)
    }

    @Test func everyRequestEndsExactlyOnceAndLittlesLawHolds() {
        for seed: UInt64 in 1...5 {
            let result = Simulation.run(
                holdScenario(
                    size: 4, rate: 120, hold: .milliseconds(40), requests: 2_000, seed: seed, timeout: .milliseconds(30)
                ))
            #expect(result.requests == 2_000)
            #expect(result.completed + result.timedOut + result.errored == result.requests)
            #expect(result.unfinished == 0)
            #expect(result.timedOut > 0)
            let law = result.littlesLaw
            #expect(abs(law.meanInSystem - law.predictedInSystem) <= 1e-9 * law.meanInSystem)
            #expect(abs(law.meanWaiting - law.predictedWaiting) <= 1e-9 * max(law.meanWaiting, 1e-12))
        }
    }

    @Test func poolLockingDeadlocksAtTnTimesCmMinusOneAndNotWithOneMore() {
        // Four threads, each needing two connections at once: 4 × (2 − 1) = 4 can deadlock, 5 cannot.
        func run(size: Int) -> SimulationResult {
            var scenario = Scenario(
                workload: Workload(
                    arrivals: .closedLoop(clients: 4, think: .exponential(mean: .milliseconds(1))),
                    script: .nestedTransaction(hold: .exponential(mean: .milliseconds(5))), requestLimit: 2_000))
            scenario.pool = .plain(size: size)
            scenario.database.cores = nil
            scenario.options.drainLimit = .seconds(10)
            return Simulation.run(scenario)
        }
        let stuck = run(size: 4)
        #expect(stuck.unfinished == 4)
        #expect(stuck.poolMetrics[0].waiting == 4)
        let fine = run(size: 5)
        #expect(fine.completed == 2_000)
    }

    @Test func aFleetRunsIntoTheReservedSlots() {
        var scenario = holdScenario(
            size: 20, rate: 100, hold: .milliseconds(10), requests: 200, seed: 1, timeout: .seconds(1))
        scenario.instances = 6
        scenario.database.setup = .loopbackTrust
        let result = Simulation.run(scenario)
        #expect(result.maxDatabaseConnections == 97)
        let failures = result.poolCounters.map(\.openFailures).reduce(0, +)
        #expect(failures > 0)
        #expect(result.poolCounters.map(\.created).reduce(0, +) == 97)
        // Round robin sends a sixth of the requests to the sixth app, which never got a connection.
        #expect(result.poolCounters[5].created == 0)
        #expect(result.timedOut == 33 && result.completed == 167)
        let message = result.errorsByMessage.keys.first ?? ""
        #expect(
            message.hasSuffix(
                "last connection error: FATAL: remaining connection slots are reserved for roles with the SUPERUSER attribute"
            ))
    }

    @Test func anOversizedPoolSlowsEveryQueryWithoutAddingThroughput() {
        func run(size: Int) -> SimulationResult {
            var scenario = Scenario(
                workload: Workload(
                    arrivals: .closedLoop(clients: 40, think: .constant(.zero)),
                    script: .query(.constant(.milliseconds(10))),
                    requestLimit: 4_000))
            scenario.pool = .plain(size: size)
            scenario.pool.minIdle = size
            scenario.warmStart = true
            scenario.database.cores = 4
            scenario.database.roundTrip = .zero
            return Simulation.run(scenario)
        }
        let small = run(size: 4)
        let large = run(size: 40)
        let serviceSmall = small.littlesLaw.meanTimeInSystem - small.littlesLaw.meanWaitTime
        let serviceLarge = large.littlesLaw.meanTimeInSystem - large.littlesLaw.meanWaitTime
        #expect(serviceLarge > 5 * serviceSmall)
        #expect(abs(large.throughputPerSecond - small.throughputPerSecond) < 0.05 * small.throughputPerSecond)
        #expect(large.throughputPerSecond <= 400 * 1.001)
        #expect((small.databaseCPUUtilisation ?? 0) > 0.95)
    }

    @Test func retriesWithBackoffRescueABurst() {
        func run(retry: RetryPolicy) -> SimulationResult {
            var workload = Workload(arrivals: .none, script: .hold(.constant(.milliseconds(50))))
            workload.bursts = [Workload.Burst(at: .milliseconds(1), count: 200)]
            workload.retry = retry
            var scenario = Scenario(workload: workload)
            scenario.pool = .plain(size: 10, borrowTimeout: .milliseconds(100))
            scenario.pool.minIdle = 10
            scenario.warmStart = true
            return Simulation.run(scenario)
        }
        let once = run(retry: .never)
        let again = run(
            retry: RetryPolicy(
                maxAttempts: 5, backoff: .exponential(base: .milliseconds(100), cap: .seconds(2), jitter: true)))
        #expect(once.requests == 200 && again.requests == 200)
        #expect(once.timedOut > 100)
        #expect(again.retries > 0)
        #expect(again.completed > once.completed)
        #expect(
            once.errorsByMessage.keys.allSatisfy {
                $0.hasPrefix("connection not available, request timed out after 100ms")
            })
    }

    @Test func aSampledSeriesFollowsTheRun() {
        var scenario = holdScenario(size: 5, rate: 100, hold: .milliseconds(40), requests: 1_000, seed: 2, warm: false)
        scenario.options.sampleInterval = .milliseconds(100)
        let result = Simulation.run(scenario)
        let expected = Int(result.simulatedTime.nanoseconds / 100_000_000)
        #expect(abs(result.series.count - expected) <= 1)
        #expect(result.series.allSatisfy { $0.poolTotal <= 5 && $0.poolActive <= $0.poolTotal })
        #expect(result.series.last.map { $0.completed > 900 } == true)
    }

    @Test func aColdPoolPaysForSetupAndAWarmOneDoesNot() {
        let cold = Simulation.run(
            holdScenario(size: 5, rate: 20, hold: .milliseconds(10), requests: 50, seed: 3, warm: false))
        let warm = Simulation.run(holdScenario(size: 5, rate: 20, hold: .milliseconds(10), requests: 50, seed: 3))
        #expect(cold.requestsThatWaited > 0)
        #expect(cold.waits.max >= UInt64(ConnectionSetup.scram.total.nanoseconds))
        #expect(warm.requestsThatWaited < cold.requestsThatWaited)
    }

    @Test func scenarioProblemsAreSpelledOut() {
        var scenario = holdScenario(size: 2, rate: 10, hold: .milliseconds(5), requests: 10, seed: 1)
        scenario.instances = 0
        scenario.workload.requestLimit = nil
        #expect(
            scenario.problems == [
                "the workload needs a request limit or a duration, or it would never end",
                "a fleet needs at least one app instance, got 0",
            ])
    }
}
