import PoolWorld

/// How one check of an exercise went.
public struct CheckResult: Codable, Hashable, Sendable {
    /// What the check proves, e.g. `waiters are served in the order they asked`.
    public var name: String
    public var passed: Bool
    /// What went wrong, in one or a few lines; nil when it passed.
    public var message: String?
    /// The seed of the failing case: `replay EXERCISE SEED` in the shell replays it.
    public var seed: UInt64?
    /// The failing trace, one line per step (`t=0.005s r2 got c1`): shrunk to the smallest schedule that still
    /// fails where the check is deterministic, the last events before the failure otherwise.
    public var trace: [String]
    /// How many cases ran (seeds, or scenarios).
    public var cases: Int
    /// For a rule: how often each situation that puts it to the test came up in the generated schedules
    /// (`a waiter timed out: 412`). A rule never put to the test proves nothing.
    public var exercised: [String: Int]?

    public init(
        name: String, passed: Bool, message: String? = nil, seed: UInt64? = nil, trace: [String] = [], cases: Int,
        exercised: [String: Int]? = nil
    ) {
        self.name = name
        self.passed = passed
        self.message = message
        self.seed = seed
        self.trace = trace
        self.cases = cases
        self.exercised = exercised
    }

    /// How often the rule was put to the test, in all.
    public var timesExercised: Int? { exercised.map { $0.values.reduce(0, +) } }

    /// Whether the check was put to the test at all: a rule no schedule reached (they stopped at a failure of
    /// another rule) broke nothing, but proves nothing either.
    public var wasReached: Bool { timesExercised != 0 }

    /// The check's failure as a learner reads it: what went wrong, the seed and the trace.
    public func explanation(exercise: String) -> String {
        guard !passed else {
            if !wasReached { return "– \(name) (not reached: the schedules that test it stopped at a failure)" }
            return "✓ \(name)" + (timesExercised.map { " (put to the test \($0) times)" } ?? "")
        }
        var lines = ["✗ \(name)"]
        // The pool's state after each event is for stepping through in `replay`; here it would double the trace.
        let shown = trace.filter { !$0.hasPrefix("    state: ") }
        if let message { lines += message.split(separator: "\n").map { "  " + $0 } }
        if let seed {
            let steps = shown.isEmpty ? "" : "failing trace below (\(shown.count) lines), "
            lines.append("  \(steps)seed \(seed); replay it in the shell with: replay \(exercise) \(seed)")
        }
        lines += shown.map { "    " + $0 }
        return lines.joined(separator: "\n")
    }
}
