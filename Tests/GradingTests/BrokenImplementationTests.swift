import Grading
import GradingTestSupport
import Testing

/// Each deliberately broken implementation fails its grader, with the diagnostic a learner needs.
@Suite struct BrokenImplementationTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var suite: ExerciseSuite
        var diagnostic: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "lends one connection twice", suite: PoolSuites.fixedSize(BrokenPool<LendsTwice>.self),
            diagnostic: "still holds it: a connection has one borrower at a time"),
        Case(
            name: "serves waiters out of order", suite: PoolSuites.waiting(BrokenPool<ServesNewestFirst>.self),
            diagnostic: "waiters must be served first come, first served"),
        Case(
            name: "never times out", suite: PoolSuites.waiting(BrokenPool<NeverTimesOut>.self),
            diagnostic: "borrow timeout and was neither served nor failed"),
        Case(
            name: "times out but leaks the slot", suite: PoolSuites.waiting(BrokenPool<TimesOutButLeaksTheSlot>.self),
            diagnostic: "timed out or gave up is still in your line"),
        Case(
            name: "leak detection that reclaims", suite: PoolSuites.leakDetection(BrokenPool<ReclaimsLeaks>.self),
            diagnostic: "leak detection reports a long lease and never takes the connection back"),
        Case(
            name: "leak detection that never reports",
            suite: PoolSuites.leakDetection(BrokenPool<NeverReportsLeaks>.self),
            diagnostic: "leak threshold and no leak was reported"),
        Case(
            name: "hands out a stale connection",
            suite: PoolSuites.staleConnections(NeverValidates.self),
            diagnostic: "without validating it"),
        Case(
            name: "forgets to reset session state", suite: MultiplexerSuite.suite(ForgetsReset.self),
            diagnostic: "without a reset, and inherits"),
        Case(
            name: "allows BEGIN in statement mode", suite: MultiplexerSuite.suite(AllowsBegin.self),
            diagnostic: "FATAL: transaction blocks not allowed in statement pooling mode"),
    ]

    @Test(arguments: cases)
    func failsWithItsDiagnostic(_ broken: Case) {
        let report = broken.suite.run()
        #expect(!report.passed)
        let failure = report.failed.first { $0.message?.contains(broken.diagnostic) == true }
        #expect(failure != nil, "no check said '\(broken.diagnostic)'; got: \(report.failed.compactMap(\.message))")
        if let failure {
            #expect(failure.seed != nil && !failure.trace.isEmpty, "a failure comes with its seed and trace")
            #expect(failure.trace.last?.contains("INVARIANT VIOLATED") == true)
        }
    }
}
