import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 1: the sizing arithmetic")
struct SizingArithmeticTests {
    @Test("Exercises/01-sizing-arithmetic.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(Sizing.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(SizingSuite.suite(Sizing.self), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(
            result, .sizing, suite: SizingSuite.suite(Sizing.self), channel: channel, unattempted: probe)
    }
}
