import Grading

/// The exercises whose pool can run in the world: those whose type is a `ConnectionPoolStateMachine`
/// (`PoolExercise`). Exercise 1 is arithmetic, 7 an async actor, 8 a proxy.
public enum LearnerPool {
    public static let exercises: [String] = [
        GradedExercise.fixedSizePool, .waitingPool, .leakDetection, .staleConnections, .warmUp,
    ].map(\.name)

    /// The executable product that links `Exercises` and runs one of their pools (`Sources/poolschool-pool`).
    public static let product = "poolschool-pool"
}
