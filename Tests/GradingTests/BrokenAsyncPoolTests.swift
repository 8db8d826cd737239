import Grading
import GradingTestSupport
import Testing

/// Each wrong async pool fails exercise 7's grader with the diagnostic a learner needs, graded in a child
/// process as learners' code is (the grader takes over the process's global executor while it runs).
@Suite struct BrokenAsyncPoolTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var suite: ExerciseSuite
        /// The seed of the check that must catch it (check N: N0001).
        var seed: UInt64
        var diagnostic: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "exceeds the maximum under concurrency", suite: AsyncPoolSuite.suite(RacyPool.self), seed: 10_001,
            diagnostic: "connections were open at once; the maximum is 3"),
        Case(
            name: "lends one connection twice", suite: AsyncPoolSuite.suite(FlawedAsyncPool<LendsTwiceAsync>.self),
            seed: 10_001, diagnostic: "while task"),
        Case(
            name: "behaves differently each run", suite: AsyncPoolSuite.suite(FlawedAsyncPool<YieldsAtRandom>.self),
            seed: 10_001, diagnostic: "two runs of this check went differently"),
        Case(
            name: "never validates", suite: AsyncPoolSuite.suite(FlawedAsyncPool<IgnoresValidation>.self),
            seed: 30_001, diagnostic: "answer `.validate` with `.validationSucceeded(connection)`"),
        Case(
            name: "ignores timeouts", suite: AsyncPoolSuite.suite(FlawedAsyncPool<IgnoresTimers>.self), seed: 40_001,
            diagnostic: "never failed: the pool never times out"),
        Case(
            name: "sleeps for the instant, not until it",
            suite: AsyncPoolSuite.suite(FlawedAsyncPool<SleepsForTheInstant>.self), seed: 40_001,
            diagnostic: "borrowTimeout is 50 ms from when it asked"),
        Case(
            name: "runs on the wall clock", suite: AsyncPoolSuite.suite(FlawedAsyncPool<RealClock>.self),
            seed: 40_001, diagnostic: "`connector.clock"),
        Case(
            name: "invents the open error", suite: AsyncPoolSuite.suite(FlawedAsyncPool<InventsTheOpenError>.self),
            seed: 50_001, diagnostic: "with the very DatabaseError that open() threw"),
        Case(
            name: "never cancels a waiter", suite: AsyncPoolSuite.suite(LosesCancelledWaiters.self), seed: 60_001,
            diagnostic: "its borrow never returned: the waiter was lost"),
        Case(
            name: "lends to a waiter after it was cancelled",
            suite: AsyncPoolSuite.suite(FlawedAsyncPool<LendsAfterCancel>.self), seed: 70_001,
            diagnostic: "was lost, lent to a borrower that had already given up"),
    ]

    @Test(.timeLimit(.minutes(3)), arguments: 0..<cases.count)
    func failsWithItsDiagnostic(_ index: Int) async throws {
        let broken = Self.cases[index]
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [index = index as Int, channel = channel as ReportChannel] in
            let broken = BrokenAsyncPoolTests.cases[index]
            ExerciseChild.grade(broken.suite, channel: channel, replay: broken.seed)
        }
        let outcome = try #require(result.map { ChildOutcome($0, channel: channel, suite: broken.suite, replay: true) })
        let report = outcome.report(for: .asyncPool)
        #expect(report.checks.count == 1, "\(broken.name): the replayed check did not report")
        let messages = report.failed.compactMap(\.message)
        #expect(
            messages.contains { $0.contains(broken.diagnostic) },
            "\(broken.name): no check said '\(broken.diagnostic)'; got: \(messages)")
        // Deterministic, so the failure names the seed that replays it, with what happened up to it.
        let failure = try #require(report.failed.first)
        #expect(failure.seed == broken.seed)
        #expect(failure.trace.last?.hasPrefix("INVARIANT VIOLATED") == true && failure.trace.count > 1)
    }
}
