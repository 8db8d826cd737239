import ExerciseSuites
import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 4: leak detection")
struct LeakDetectionTests {
    /// What grades the exercise (the table `poolschool check` grades from too); the parent checks the child's
    /// report against the same checks.
    static func suite() -> ExerciseSuite {
        LearnerSuites.suite(.leakDetection)
    }

    @Test("Exercises/04-leak-detection.swift", .timeLimit(.minutes(3)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(LeakDetectingPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(LeakDetectionTests.suite(), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(result, .leakDetection, suite: Self.suite(), channel: channel, unattempted: probe)
    }
}
