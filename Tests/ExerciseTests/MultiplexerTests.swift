import ExerciseSuites
import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 8: a tiny PgBouncer")
struct MultiplexerTests {
    /// What grades the exercise (the table `poolschool check` grades from too); the parent checks the child's
    /// report against the same checks.
    static func suite() -> ExerciseSuite {
        LearnerSuites.suite(.multiplexer)
    }

    @Test("Exercises/08-multiplexer.swift", .timeLimit(.minutes(3)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(Multiplexer.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(MultiplexerTests.suite(), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(result, .multiplexer, suite: Self.suite(), channel: channel, unattempted: probe)
    }
}
