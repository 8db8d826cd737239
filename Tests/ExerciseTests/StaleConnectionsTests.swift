import ExerciseSuites
import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 5: stale connections")
struct StaleConnectionsTests {
    /// What grades the exercise (the table `poolschool check` grades from too); the parent checks the child's
    /// report against the same checks.
    static func suite() -> ExerciseSuite {
        LearnerSuites.suite(.staleConnections)
    }

    @Test("Exercises/05-stale-connections.swift", .timeLimit(.minutes(3)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(FreshPool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(StaleConnectionsTests.suite(), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(result, .staleConnections, suite: Self.suite(), channel: channel, unattempted: probe)
    }
}
