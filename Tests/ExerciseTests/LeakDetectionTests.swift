import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 4: leak detection")
struct LeakDetectionTests {
    @Test("Exercises/04-leak-detection.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(LeakDetectingPool.self)
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool] in
            ExerciseChild.grade(PoolSuites.leakDetection(LeakDetectingPool.self), probe: probe)
        }
        try ExerciseVerdict.record(result, .leakDetection, unattempted: probe)
    }
}
