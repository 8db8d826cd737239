import Foundation
import Grading
import Testing

/// `check` reports a pool exercise rule by rule, as a learner reads it: how often each passing rule was put to
/// the test, and no tick for a rule that no schedule reached because they stopped at another rule's failure.
struct CheckRuleReportTests {
    @Test func aRuleNoScheduleReachedIsCountedApart() throws {
        let project = try StartedProject()
        defer { project.remove() }
        let report = ExerciseReport(
            exercise: "waiting-pool",
            checks: [
                CheckResult(name: "serves borrowers first come", passed: true, cases: 40, exercised: ["a": 2, "b": 3]),
                CheckResult(name: "forgets a broken connection", passed: true, cases: 40, exercised: ["c": 0]),
                CheckResult(
                    name: "a waiter times out", passed: false, message: "stale timer", seed: 10001, cases: 1,
                    exercised: ["d": 0]),
            ])
        let fake = try FakeSwift(report: report, exercise: "waiting-pool")
        defer { fake.remove() }
        let result = try PoolschoolProcess.run(
            [], input: "check waiting-pool\n", environment: ["PATH": fake.path], directory: project.path)
        #expect(result.stderr.contains("waiting-pool: 1 of 3 checks pass, 1 not reached."), "\(result.stderr)")
        #expect(result.stderr.contains("✓ serves borrowers first come (put to the test 5 times)"))
        #expect(result.stderr.contains("– forgets a broken connection (not reached"))
        #expect(result.stderr.contains("✗ a waiter times out"))
    }
}
