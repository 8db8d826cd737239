import Foundation
import PoolWorld

/// The graded result of one exercise: every check, in order.
public struct ExerciseReport: Codable, Hashable, Sendable {
    /// The exercise's name in the catalog, e.g. `fixed-size-pool`.
    public var exercise: String
    public var checks: [CheckResult]

    public init(exercise: String, checks: [CheckResult]) {
        self.exercise = exercise
        self.checks = checks
    }

    public var passed: Bool { !checks.isEmpty && checks.allSatisfy(\.passed) }

    public var failed: [CheckResult] { checks.filter { !$0.passed } }

    /// One line of JSON, as a grading child process writes it.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }

    /// Reads a report written by `jsonLine`.
    public static func decode(_ text: some StringProtocol) -> ExerciseReport? {
        try? JSONDecoder().decode(ExerciseReport.self, from: Data(text.utf8))
    }
}
