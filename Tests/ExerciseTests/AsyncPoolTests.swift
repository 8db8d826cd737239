import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 7: a thread-safe async pool")
struct AsyncPoolTests {
    @Test("Exercises/07-async-pool.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(AsyncPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(AsyncPoolSuite.suite(AsyncPool.self), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(
            result, .asyncPool, suite: AsyncPoolSuite.suite(AsyncPool.self), channel: channel, unattempted: probe)
    }
}
