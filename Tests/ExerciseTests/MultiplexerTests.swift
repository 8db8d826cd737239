import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 8: a tiny PgBouncer")
struct MultiplexerTests {
    /// What grades the exercise; the parent checks the child's report against the same checks.
    static func suite() -> ExerciseSuite {
        MultiplexerSuite.suite(Multiplexer.self)
            .requiringOwnMachine(Multiplexer.self)
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
