import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 2: a fixed-size pool")
struct FixedSizePoolTests {
    @Test("Exercises/02-fixed-size-pool.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(FixedSizePool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(FixedSizePool.self), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(
            result, .fixedSizePool, suite: PoolSuites.fixedSize(FixedSizePool.self), channel: channel,
            unattempted: probe)
    }
}
