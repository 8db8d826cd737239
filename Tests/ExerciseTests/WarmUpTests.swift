import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 6: warm-up and min idle")
struct WarmUpTests {
    @Test("Exercises/06-warm-up.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(WarmPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.warmUp(WarmPool.self), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(
            result, .warmUp, suite: PoolSuites.warmUp(WarmPool.self), channel: channel, unattempted: probe)
    }
}
