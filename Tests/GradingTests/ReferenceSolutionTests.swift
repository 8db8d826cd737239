import Grading
import GradingTestSupport
import Testing

@testable import Solutions

/// Every reference solution in Solutions/ passes its grader (the async pool in a child process, as learners'
/// code runs).
@Suite struct ReferenceSolutionTests {
    @Test(arguments: [
        SizingSuite.suite(Sizing.self), PoolSuites.fixedSize(FixedSizePool.self),
        PoolSuites.waiting(WaitingPool.self), PoolSuites.leakDetection(LeakDetectingPool.self),
        PoolSuites.staleConnections(FreshPool.self), PoolSuites.warmUp(WarmPool.self),
        MultiplexerSuite.suite(Multiplexer.self),
    ])
    func passes(_ suite: ExerciseSuite) {
        let report = suite.run()
        #expect(report.checks.count == suite.checks.count)
        for check in report.failed {
            Issue.record(Comment(rawValue: check.explanation(exercise: report.exercise)))
        }
    }

    @Test(.timeLimit(.minutes(3))) func theAsyncPoolPasses() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(AsyncPoolSuite.suite(AsyncPool.self), channel: channel)
        }
        let suite = AsyncPoolSuite.suite(AsyncPool.self)
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: suite) })
            .report(for: .asyncPool)
        #expect(report.passed, "\(report.failed.map { $0.explanation(exercise: report.exercise) })")
        #expect(report.checks.map(\.name) == suite.checks.map(\.name))
    }
}

extension ExerciseSuite: CustomTestStringConvertible {
    public var testDescription: String { exercise }
}
