import PoolWorld

/// One check of an exercise: a name and a body that grades an implementation.
public struct Check: Sendable {
    public let name: String
    let body: @Sendable (CheckOptions) -> CheckResult

    public init(name: String, body: @escaping @Sendable (CheckOptions) -> CheckResult) {
        self.name = name
        self.body = body
    }
}

/// How checks run.
public struct CheckOptions: Sendable {
    /// The environment variable that asks a grading run for one seed (`replay EXERCISE SEED` in the shell).
    public static let replayVariable = "POOLSCHOOL_REPLAY_SEED"

    /// Run only this seed (replay); nil runs all of a check's cases.
    public var replaySeed: UInt64?
    /// Shrink a failing case to its smallest trace (off when a stub is only being probed).
    public var shrink = true
    /// Told the name of each check and case as it starts, so that a watchdog can say where code got stuck.
    public var progress: (@Sendable (String) -> Void)?

    public init(replaySeed: UInt64? = nil, shrink: Bool = true, progress: (@Sendable (String) -> Void)? = nil) {
        self.replaySeed = replaySeed
        self.shrink = shrink
        self.progress = progress
    }
}

/// The checks that grade one exercise, bound to one implementation.
public struct ExerciseSuite: Sendable {
    /// The exercise's name in the catalog.
    public let exercise: String
    public let checks: [Check]
    /// Grades every check from one shared run (a pool exercise's rules, all judged on the same schedules).
    let together: (@Sendable (CheckOptions) -> [CheckResult])?

    public init(exercise: String, checks: [Check]) {
        self.exercise = exercise
        self.checks = checks
        self.together = nil
    }

    init(exercise: String, checks: [Check], together: @escaping @Sendable (CheckOptions) -> [CheckResult]) {
        self.exercise = exercise
        self.checks = checks
        self.together = together
    }

    /// This suite with one more check at the end (graded after the others, and not when replaying a seed).
    public func appending(_ check: Check) -> ExerciseSuite {
        guard let together else { return ExerciseSuite(exercise: exercise, checks: checks + [check]) }
        return ExerciseSuite(exercise: exercise, checks: checks + [check]) { options in
            together(options) + (options.replaySeed == nil ? [check.body(options)] : [])
        }
    }

    /// Runs every check (or, replaying, the check the seed belongs to) and reports.
    public func run(_ options: CheckOptions = CheckOptions()) -> ExerciseReport {
        if let together { return ExerciseReport(exercise: exercise, checks: together(options)) }
        var results: [CheckResult] = []
        for (index, check) in checks.enumerated() {
            if let seed = options.replaySeed, SeedPlan.checkNumber(of: seed) != index + 1 { continue }
            options.progress?("check '\(check.name)'")
            results.append(check.body(options))
        }
        return ExerciseReport(exercise: exercise, checks: results)
    }
}

/// Seeds name their check: check 3's cases use seeds 30001, 30002, …, so `replay EXERCISE 30017` knows
/// which check to run.
enum SeedPlan {
    static let stride: UInt64 = 10_000

    static func seeds(check: Int, cases: Int) -> [UInt64] {
        (1...UInt64(max(1, cases))).map { UInt64(check) * stride + $0 }
    }

    static func checkNumber(of seed: UInt64) -> Int { Int(seed / stride) }
}
