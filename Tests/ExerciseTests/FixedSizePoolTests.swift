import ExerciseSuites
import Grading
import GradingTestSupport
import Testing

@testable import Exercises

@Suite("Exercise 2: a fixed-size pool")
struct FixedSizePoolTests {
    /// What grades the exercise (the table `poolschool check` grades from too); the parent checks the child's
    /// report against the same checks.
    static func suite() -> ExerciseSuite {
        LearnerSuites.suite(.fixedSizePool)
    }

    @Test("Exercises/02-fixed-size-pool.swift", .timeLimit(.minutes(3)))
    func grade() async throws {
        let probe = UnattemptedMarker.isMarked(FixedSizePool.self)
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [probe = probe as Bool, channel = channel as ReportChannel] in
            ExerciseChild.grade(FixedSizePoolTests.suite(), channel: channel, probe: probe)
        }
        try ExerciseVerdict.record(result, .fixedSizePool, suite: Self.suite(), channel: channel, unattempted: probe)
    }
}
