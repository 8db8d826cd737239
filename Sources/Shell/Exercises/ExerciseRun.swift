import Grading

/// One grading of an exercise as progress keeps it: the verdict and each rule's pass or fail, without the
/// traces (the learner re-runs `check` for those).
public struct ExerciseRun: Codable, Equatable, Sendable {
    /// A rule (one check of the grader) and how it went.
    public struct Rule: Codable, Equatable, Sendable {
        public var name: String
        public var passed: Bool
        /// False when no schedule reached the rule (they stopped at another rule's failure).
        public var reached: Bool
    }

    /// `passed`, `failed`, `not started`, `does not build`, `timed out`, `no report` or `cancelled`, as
    /// `grade --json` says it.
    public var status: String
    public var rules: [Rule]

    public init(status: String, rules: [Rule]) {
        self.status = status
        self.rules = rules
    }

    /// The run an outcome stands for, or nil for one that graded nothing (cancelled).
    init?(_ outcome: ExerciseRunner.Outcome) {
        switch outcome {
        case .cancelled: return nil
        case .graded(let report):
            self.init(
                status: report.passed ? "passed" : "failed",
                rules: report.checks.map { Rule(name: $0.name, passed: $0.passed, reached: $0.wasReached) })
        case .notStarted: self.init(status: "not started", rules: [])
        case .compileErrors: self.init(status: "does not build", rules: [])
        case .timedOut: self.init(status: "timed out", rules: [])
        case .failed: self.init(status: "no report", rules: [])
        }
    }
}
