import Grading
import Testing

@testable import Solutions

/// The graders judge against the exercise, not against one implementation: designs the exercises permit pass,
/// and realistic wrong multiplexers fail with their diagnostic.
@Suite struct ValidVariantTests {
    static let valid: [ExerciseSuite] = [
        PoolSuites.fixedSize(OldestIdleFirst<FixedSizePool>.self),
        PoolSuites.waiting(OldestIdleFirst<WaitingPool>.self),
        PoolSuites.leakDetection(OldestIdleFirst<LeakDetectingPool>.self),
        PoolSuites.staleConnections(OldestIdleFirst<FreshPool>.self),
        PoolSuites.warmUp(OldestIdleFirst<WarmPool>.self),
        PoolSuites.warmUp(WarmsUpOneByOne.self),
        PoolSuites.fixedSize(SaysTimedOutWhenFull.self),
        MultiplexerSuite.suite(RefusesBeginUpFront.self),
        MultiplexerSuite.suite(ReusesOldestServer.self),
    ]

    @Test(arguments: valid)
    func passes(_ suite: ExerciseSuite) {
        let report = suite.run()
        for check in report.failed {
            Issue.record(Comment(rawValue: check.explanation(exercise: report.exercise)))
        }
    }

    struct Wrong: Sendable, CustomTestStringConvertible {
        var name: String
        var suite: ExerciseSuite
        var diagnostic: String
        var testDescription: String { name }
    }

    static let wrong: [Wrong] = [
        Wrong(
            name: "a waiting pool that refuses when full", suite: PoolSuites.waiting(RefusesWhenFull.self),
            diagnostic: "but this pool queues"),
        Wrong(
            name: "a server handed on after its client left mid-transaction",
            suite: MultiplexerSuite.suite(HandsOnAbandonedServers.self),
            diagnostic: "PgBouncer closes"),
        Wrong(
            name: "a failed transaction treated as over",
            suite: MultiplexerSuite.suite(ReleasesFailedTransactions.self),
            diagnostic: "open transaction"),
        Wrong(
            name: "server_reset_query_always ignored", suite: MultiplexerSuite.suite(IgnoresResetAlways.self),
            diagnostic: "with server_reset_query_always in"),
    ]

    @Test(arguments: wrong)
    func wrongMultiplexersFail(_ wrong: Wrong) {
        let report = wrong.suite.run()
        let failure = report.failed.first { $0.message?.contains(wrong.diagnostic) == true }
        let got = report.failed.compactMap(\.message).joined(separator: " | ")
        #expect(failure != nil, "no check said '\(wrong.diagnostic)'; got: \(got)")
        #expect(failure?.seed != nil && failure?.trace.isEmpty == false)
    }
}
