/// An exercise as the graders know it: its catalog name, the file the learner edits, and the type in it.
///
/// The catalog (`Exercises/exercises.yaml`) is where an exercise is defined: the shell makes one of these from
/// each catalog entry. The named ones below are a convenience for the shipped ExerciseTests files; a new
/// exercise needs none (its test passes `GradedExercise(name:file:typeName:tests:)` with the catalog's values),
/// and `CatalogAgreementTests` checks that these agree with the catalog.
public struct GradedExercise: Hashable, Sendable {
    public let name: String
    /// Relative to the package root, e.g. `Exercises/02-fixed-size-pool.swift`.
    public let file: String
    /// The type the learner completes (the marker line names it).
    public let typeName: String
    /// The suite in ExerciseTests that grades it: `swift test --filter ExerciseTests.<tests>`.
    public let tests: String

    public init(name: String, file: String, typeName: String, tests: String) {
        self.name = name
        self.file = file
        self.typeName = typeName
        self.tests = tests
    }

    /// The file name without its folder.
    public var fileName: String { String(file.split(separator: "/").last ?? Substring(file)) }

    public static let sizing = GradedExercise(
        name: "sizing-arithmetic", file: "Exercises/01-sizing-arithmetic.swift", typeName: "Sizing",
        tests: "SizingArithmeticTests")
    public static let fixedSizePool = GradedExercise(
        name: "fixed-size-pool", file: "Exercises/02-fixed-size-pool.swift", typeName: "FixedSizePool",
        tests: "FixedSizePoolTests")
    public static let waitingPool = GradedExercise(
        name: "waiting-pool", file: "Exercises/03-waiting-pool.swift", typeName: "WaitingPool",
        tests: "WaitingPoolTests")
    public static let leakDetection = GradedExercise(
        name: "leak-detection", file: "Exercises/04-leak-detection.swift", typeName: "LeakDetectingPool",
        tests: "LeakDetectionTests")
    public static let staleConnections = GradedExercise(
        name: "stale-connections", file: "Exercises/05-stale-connections.swift", typeName: "FreshPool",
        tests: "StaleConnectionsTests")
    public static let warmUp = GradedExercise(
        name: "warm-up", file: "Exercises/06-warm-up.swift", typeName: "WarmPool", tests: "WarmUpTests")
    public static let asyncPool = GradedExercise(
        name: "async-pool", file: "Exercises/07-async-pool.swift", typeName: "AsyncPool", tests: "AsyncPoolTests")
    public static let multiplexer = GradedExercise(
        name: "multiplexer", file: "Exercises/08-multiplexer.swift", typeName: "Multiplexer", tests: "MultiplexerTests")

    /// Every exercise the graders know, in course order.
    public static let all: [GradedExercise] = [
        sizing, fixedSizePool, waitingPool, leakDetection, staleConnections, warmUp, asyncPool, multiplexer,
    ]

    public static func named(_ name: String) -> GradedExercise? { all.first { $0.name == name } }
}
