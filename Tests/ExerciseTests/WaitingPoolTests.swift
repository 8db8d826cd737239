import ExerciseSuites
import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 3: waiting with backpressure")
struct WaitingPoolTests {
    /// What grades the exercise (the table `poolschool check` grades from too); the parent checks the child's
    /// report against the same checks.
    static func suite() -> ExerciseSuite {
        LearnerSuites.suite(.waitingPool)
    }

    @Test("Exercises/03-waiting-pool.swift", .timeLimit(.minutes(3)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(WaitingPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(WaitingPoolTests.suite(), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(result, .waitingPool, suite: Self.suite(), channel: channel, unattempted: probe)
    }
}
