import Testing

@testable import PoolWorld

@Suite struct ErlangCTests {
    @Test func oneServerWaitsWithProbabilityRho() {
        let queue = ErlangC(servers: 1, arrivalRate: ArrivalRate(perSecond: 15), meanHold: .milliseconds(40))
        #expect(abs(queue.probabilityOfWaiting - 0.6) < 1e-12)
        // M/M/1: Wq = ρ·h / (1 − ρ) = 0.6 × 40 ms / 0.4 = 60 ms.
        #expect(abs(queue.meanWait.milliseconds - 60) < 1e-6)
    }

    @Test func twoServersAtOneErlangWaitAThirdOfTheTime() {
        let queue = ErlangC(servers: 2, arrivalRate: ArrivalRate(perSecond: 10), meanHold: .milliseconds(100))
        #expect(abs(queue.offeredLoad - 1) < 1e-12)
        #expect(abs(queue.probabilityOfWaiting - 1.0 / 3.0) < 1e-12)
    }

    @Test func largePoolsStayAccurate() {
        let queue = ErlangC(servers: 500, arrivalRate: ArrivalRate(perSecond: 4_500), meanHold: .milliseconds(100))
        #expect(queue.probabilityOfWaiting > 0 && queue.probabilityOfWaiting < 0.1)
        let overloaded = ErlangC(servers: 2, arrivalRate: ArrivalRate(perSecond: 30), meanHold: .milliseconds(100))
        #expect(!overloaded.isStable && overloaded.probabilityOfWaiting == 1)
    }
}

/// The simulator against queueing theory. Each case runs independent replications (different seeds) of an
/// M/M/c queue: Poisson arrivals, exponential holds, a warm pool of c, no timeout, CPU out of the picture.
/// The tolerance is four standard errors of the replication means, measured from the replications themselves,
/// so a longer run earns a tighter check; the test also demands that the standard error be small, so that
/// it cannot pass by being vague.
@Suite struct QueueingTheoryTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var servers: Int
        var rate: Double
        var hold: SimDuration
        var testDescription: String { "M/M/\(servers), λ=\(rate)/s, h=\(hold)" }
    }

    static let replications = 6
    static let requestsPerReplication = 15_000

    @Test(arguments: [
        Case(servers: 4, rate: 60, hold: .milliseconds(50)),
        Case(servers: 20, rate: 400, hold: .milliseconds(40)),
    ])
    func waitingMatchesErlangC(queue: Case) {
        let theory = ErlangC(
            servers: queue.servers, arrivalRate: ArrivalRate(perSecond: queue.rate), meanHold: queue.hold)
        var waitProbabilities: [Double] = []
        var meanWaits: [Double] = []
        for replication in 1...Self.replications {
            let result = Simulation.run(
                holdScenario(
                    size: queue.servers, rate: queue.rate, hold: queue.hold, requests: Self.requestsPerReplication,
                    seed: UInt64(100 + replication)))
            #expect(result.completed == Self.requestsPerReplication)
            waitProbabilities.append(result.probabilityOfWaiting)
            meanWaits.append(result.meanWait.seconds)
            // Utilisation is λh/c within sampling error too; Little's law holds exactly on every run.
            #expect(abs(result.utilisation - theory.utilisation) < 0.03)
            let law = result.littlesLaw
            #expect(abs(law.meanInSystem - law.predictedInSystem) <= 1e-9 * law.meanInSystem)
        }
        let (pWait, pWaitError) = Self.meanAndStandardError(waitProbabilities)
        let (wait, waitError) = Self.meanAndStandardError(meanWaits)
        #expect(pWaitError < 0.01, "the runs are too short to test anything: standard error \(pWaitError)")
        #expect(
            abs(pWait - theory.probabilityOfWaiting) <= 4 * pWaitError,
            "p_wait \(pWait) ± \(pWaitError) vs Erlang C \(theory.probabilityOfWaiting)")
        #expect(waitError < 0.2 * theory.meanWait.seconds, "mean wait standard error \(waitError) is too large")
        #expect(
            abs(wait - theory.meanWait.seconds) <= 4 * waitError,
            "mean wait \(wait) s ± \(waitError) vs Erlang C \(theory.meanWait.seconds) s")
    }

    static func meanAndStandardError(_ values: [Double]) -> (mean: Double, standardError: Double) {
        let count = Double(values.count)
        let mean = values.reduce(0, +) / count
        let variance = values.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / (count - 1)
        return (mean, (variance / count).squareRoot())
    }
}
