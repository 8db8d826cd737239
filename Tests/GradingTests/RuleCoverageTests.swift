import Grading
import Synchronization
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

    /// A rule suite runs its schedules once for all its rules, also with a check appended (as ExerciseTests
    /// append the own-machine check): no case is graded twice.
    @Test func appendingACheckKeepsOneSharedRun() {
        let seen = Mutex<[String]>([])
        let options = CheckOptions(shrink: false) { step in seen.withLock { $0.append(step) } }
        let report = PoolSuites.waiting(WaitingPool.self).requiringOwnMachine(WaitingPool.self).run(options)
        #expect(report.passed)
        #expect(report.checks.last?.name == ExerciseSuite.ownMachineCheckName)
        let steps = seen.withLock { $0 }
        #expect(Set(steps).count == steps.count, "some cases ran twice")
    }

    /// A passing rule says how often it was put to the test; one no schedule reached gets no tick.
    @Test func aRuleNoScheduleReachedIsNotTicked() {
        let tested = CheckResult(name: "rule", passed: true, cases: 40, exercised: ["a": 2, "b": 3])
        #expect(tested.explanation(exercise: "x") == "✓ rule (put to the test 5 times)")
        let unreached = CheckResult(name: "rule", passed: true, cases: 40, exercised: ["a": 0])
        #expect(unreached.explanation(exercise: "x").hasPrefix("– rule (not reached"))
        #expect(tested.wasReached && !unreached.wasReached)
        #expect(CheckResult(name: "plain", passed: true, cases: 1).explanation(exercise: "x") == "✓ plain")
    }
}
