import Grading

@testable import Exercises

/// Each exercise's grader applied to the learner's own type: the one table that both `swift test`
/// (ExerciseTests) and `poolschool check` (the `poolschool-grade` executable) grade from, so the two can never
/// grade differently.
public enum LearnerSuites {
    /// The suite that grades `exercise` against the learner's type in Exercises/.
    public static func suite(_ exercise: GradedExercise) -> ExerciseSuite {
        switch exercise.name {
        case GradedExercise.sizing.name: SizingSuite.suite(Sizing.self)
        case GradedExercise.fixedSizePool.name:
            PoolSuites.fixedSize(FixedSizePool.self).requiringOwnMachine(FixedSizePool.self)
        case GradedExercise.waitingPool.name:
            PoolSuites.waiting(WaitingPool.self).requiringOwnMachine(WaitingPool.self)
        case GradedExercise.leakDetection.name:
            PoolSuites.leakDetection(LeakDetectingPool.self).requiringOwnMachine(LeakDetectingPool.self)
        case GradedExercise.staleConnections.name:
            PoolSuites.staleConnections(FreshPool.self).requiringOwnMachine(FreshPool.self)
        case GradedExercise.warmUp.name: PoolSuites.warmUp(WarmPool.self).requiringOwnMachine(WarmPool.self)
        case GradedExercise.asyncPool.name: AsyncPoolSuite.suite(AsyncPool.self)
        case GradedExercise.multiplexer.name:
            MultiplexerSuite.suite(Multiplexer.self).requiringOwnMachine(Multiplexer.self)
        default: preconditionFailure("no suite grades \(exercise.name); add it here")
        }
    }

    /// Whether the learner's file for `exercise` still carries its `Unattempted` marker.
    public static func isUnattempted(_ exercise: GradedExercise) -> Bool {
        switch exercise.name {
        case GradedExercise.sizing.name: UnattemptedMarker.isMarked(Sizing.self)
        case GradedExercise.fixedSizePool.name: UnattemptedMarker.isMarked(FixedSizePool.self)
        case GradedExercise.waitingPool.name: UnattemptedMarker.isMarked(WaitingPool.self)
        case GradedExercise.leakDetection.name: UnattemptedMarker.isMarked(LeakDetectingPool.self)
        case GradedExercise.staleConnections.name: UnattemptedMarker.isMarked(FreshPool.self)
        case GradedExercise.warmUp.name: UnattemptedMarker.isMarked(WarmPool.self)
        case GradedExercise.asyncPool.name: UnattemptedMarker.isMarked(AsyncPool.self)
        case GradedExercise.multiplexer.name: UnattemptedMarker.isMarked(Multiplexer.self)
        default: false
        }
    }
}
