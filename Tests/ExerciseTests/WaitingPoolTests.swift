import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 3: waiting with backpressure")
struct WaitingPoolTests {
    @Test("Exercises/03-waiting-pool.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(WaitingPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.waiting(WaitingPool.self), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(
            result, .waitingPool, suite: PoolSuites.waiting(WaitingPool.self), channel: channel, unattempted: probe)
    }
}
