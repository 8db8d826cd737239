import Grading
import Testing

@testable import Solutions

/// Every rule a pool exercise grades is put to the test by its generated schedules: run against the reference
/// solution, each situation that exercises a rule comes up (a rule no schedule tests would pass any pool).
@Suite struct RuleCoverageTests {
    static let suites: [ExerciseSuite] = [
        PoolSuites.fixedSize(FixedSizePool.self), PoolSuites.waiting(WaitingPool.self),
        PoolSuites.leakDetection(LeakDetectingPool.self), PoolSuites.staleConnections(FreshPool.self),
        PoolSuites.warmUp(WarmPool.self),
    ]

    @Test(arguments: suites)
    func everyRuleIsPutToTheTest(_ suite: ExerciseSuite) {
        let report = suite.run(CheckOptions(shrink: false))
        #expect(report.passed, "the reference must pass: \(report.failed.map(\.name))")
        let rules = report.checks.filter { $0.exercised != nil }
        #expect(rules.count >= 8, "a pool exercise grades its rules one by one")
        for rule in rules {
            for (situation, count) in rule.exercised ?? [:] {
                #expect(count > 0, "\(rule.name): '\(situation)' never came up in \(report.exercise)'s schedules")
            }
            #expect((rule.timesExercised ?? 0) > 0, "\(rule.name) was never put to the test")
        }
    }
}
