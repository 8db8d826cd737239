import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 4: leak detection")
struct LeakDetectionTests {
    @Test("Exercises/04-leak-detection.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(LeakDetectingPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.leakDetection(LeakDetectingPool.self), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(
            result, .leakDetection, suite: PoolSuites.leakDetection(LeakDetectingPool.self), channel: channel,
            unattempted: probe)
    }
}
