import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 8: a tiny PgBouncer")
struct MultiplexerTests {
    @Test("Exercises/08-multiplexer.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(Multiplexer.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(MultiplexerSuite.suite(Multiplexer.self), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(
            result, .multiplexer, suite: MultiplexerSuite.suite(Multiplexer.self), channel: channel, unattempted: probe)
    }
}
