import ExerciseSuites
import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 1: the sizing arithmetic")
struct SizingArithmeticTests {
    /// What grades the exercise (the table `poolschool check` grades from too); the parent checks the child's
    /// report against the same checks.
    static func suite() -> ExerciseSuite {
        LearnerSuites.suite(.sizing)
    }

    @Test("Exercises/01-sizing-arithmetic.swift", .timeLimit(.minutes(3)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(Sizing.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(SizingArithmeticTests.suite(), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(result, .sizing, suite: Self.suite(), channel: channel, unattempted: probe)
    }
}
