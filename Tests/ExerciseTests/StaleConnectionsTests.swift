import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 5: stale connections")
struct StaleConnectionsTests {
    @Test("Exercises/05-stale-connections.swift", .timeLimit(.minutes(1)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(FreshPool.self)
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool] in
            ExerciseChild.grade(PoolSuites.staleConnections(FreshPool.self), probe: probe)
        }
        try ExerciseVerdict.record(result, .staleConnections, unattempted: probe)
    }
}
