@testable import Grading
import Testing

@testable import Solutions

@Suite struct ScratchTests {
    @Test(arguments: [
        PoolSuites.fixedSize(Solutions.FixedSizePool.self), PoolSuites.waiting(Solutions.WaitingPool.self),
        PoolSuites.leakDetection(Solutions.LeakDetectingPool.self),
        PoolSuites.staleConnections(Solutions.FreshPool.self), PoolSuites.warmUp(Solutions.WarmPool.self),
        PoolSuites.waiting(ReferencePool.self), PoolSuites.leakDetection(ReferencePool.self),
        PoolSuites.warmUp(ReferencePool.self),
    ])
    func referencePasses(_ suite: ExerciseSuite) {
        let report = suite.run()
        for check in report.checks where !check.passed { print(check.explanation(exercise: report.exercise)) }
        #expect(report.passed)
    }
}
extension ReferencePool: PoolExercise {}
extension ExerciseSuite: CustomTestStringConvertible { public var testDescription: String { exercise } }
@Test func timing() {
    for suite in [
        PoolSuites.fixedSize(Solutions.FixedSizePool.self), PoolSuites.waiting(Solutions.WaitingPool.self),
        PoolSuites.leakDetection(Solutions.LeakDetectingPool.self),
        PoolSuites.staleConnections(Solutions.FreshPool.self), PoolSuites.warmUp(Solutions.WarmPool.self),
    ] {
        for check in suite.checks {
            let start = ContinuousClock.now
            _ = check.body(CheckOptions())
            print(suite.exercise, check.name, ContinuousClock.now - start)
        }
    }
}
