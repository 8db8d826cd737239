import Testing

@testable import Grading
@testable import Solutions

/// The exhaustive search of a small world: it explores every schedule up to its depth once per state, finds
/// the shortest failing schedule first, and replays it from its seed.
@Suite struct ExhaustiveSearchTests {
    static let rules = PoolRules(queues: true, timeouts: true, cancellation: true)

    static func search<Pool: PoolExercise>(_ type: Pool.Type) -> ExhaustiveSearch<Pool> {
        ExhaustiveSearch<Pool>(
            name: "every schedule of a small world", number: 6, config: PoolSuites.small(timeout: 20), rules: rules,
            alphabet: PoolSuites.waitingAlphabet, depth: 7, borrowers: 3)
    }

    @Test func theReferencePassesEveryScheduleAndSaysHowManyStatesItSaw() {
        let findings = Self.search(WaitingPool.self).findings(CheckOptions())
        #expect(findings.failure == nil)
        let explored = findings.coverage[.exploredState] ?? 0
        #expect(explored > 100, "a small world with three borrowers has hundreds of states; saw \(explored)")
        #expect(findings.cases > explored, "schedules that reach a state already seen are pruned, not explored again")
    }

    @Test func theShortestFailureComesFirstAndReplaysFromItsSeed() throws {
        let search = Self.search(Slipped<WaitingPool, ZeroBasedPositions>.self)
        let failure = try #require(search.findings(CheckOptions()).failure)
        #expect(failure.category == "enqueue position")
        // The first borrower already waits for its connection, so one step is the shortest schedule.
        // The pool's state after each event it answered, for `replay` to step through.
        #expect(failure.result.trace.contains { $0 == "    state: no connections; nobody waiting" })
        let steps = failure.result.trace.filter { $0.contains("asks pool for a connection") }
        #expect(steps.count == 1, "\(failure.result.trace)")
        let seed = try #require(failure.result.seed)
        #expect(seed / 10_000 == 6)
        let replayed = try #require(search.findings(CheckOptions(replaySeed: seed)).failure)
        #expect(replayed.result.trace == failure.result.trace)
        #expect(replayed.result.message == failure.result.message)
    }

    @Test func aSuiteReplaysAnExhaustiveSeedToo() throws {
        let suite = PoolSuites.waiting(Slipped<WaitingPool, ZeroBasedPositions>.self)
        let failure = try #require(
            Self.search(Slipped<WaitingPool, ZeroBasedPositions>.self).findings(CheckOptions())
                .failure)
        let report = suite.run(CheckOptions(replaySeed: failure.result.seed))
        #expect(report.checks.count == 1)
        #expect(report.checks.first?.name == PoolRule.order.title)
        #expect(report.checks.first?.trace == failure.result.trace)
    }
}
