import ExerciseSuites
import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 7: a thread-safe async pool")
struct AsyncPoolTests {
    /// What grades the exercise (the table `poolschool check` grades from too); the parent checks the child's
    /// report against the same checks.
    static func suite() -> ExerciseSuite {
        LearnerSuites.suite(.asyncPool)
    }

    @Test("Exercises/07-async-pool.swift", .timeLimit(.minutes(3)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(AsyncPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(AsyncPoolTests.suite(), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(result, .asyncPool, suite: Self.suite(), channel: channel, unattempted: probe)
    }
}
