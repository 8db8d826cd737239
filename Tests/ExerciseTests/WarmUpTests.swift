import ExerciseSuites
import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 6: warm-up and min idle")
struct WarmUpTests {
    /// What grades the exercise (the table `poolschool check` grades from too); the parent checks the child's
    /// report against the same checks.
    static func suite() -> ExerciseSuite {
        LearnerSuites.suite(.warmUp)
    }

    @Test("Exercises/06-warm-up.swift", .timeLimit(.minutes(3)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(WarmPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(WarmUpTests.suite(), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(result, .warmUp, suite: Self.suite(), channel: channel, unattempted: probe)
    }
}
