import Foundation
import Grading
import Testing

/// Turns what a grading child process left behind into Swift Testing's terms: one issue per failed check
/// (pointing at the learner's file), a clear issue for a crash or a hang, or, for an exercise still marked
/// unattempted, a skip that says how to start.
///
/// Swift Testing cannot mark a running test as skipped, but it can cancel it with a message
/// (`Test.cancel`), which `swift test` prints as `➜ Test … was cancelled …: "not started: …"` and does not
/// count as a failure. The stub is graded before that (quickly, in its own process), so the skip is honest:
/// a stub that would already pass is reported instead of skipped.
public enum ExerciseVerdict {
    /// What an exit test must observe for `record` to read.
    public static let observed: [any PartialKeyPath<ExitTest.Result> & Sendable] = [
        \.standardOutputContent, \.standardErrorContent,
    ]

    /// The variable naming a folder where each exercise's report is also written as `NAME.json`, for
    /// `poolschool check`, `grade` and `replay`.
    public static let reportFolderVariable = "POOLSCHOOL_REPORT_DIR"

    public static func record(
        _ result: ExitTest.Result?, _ exercise: GradedExercise, unattempted: Bool,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let result else { return }  // the exit test already recorded why it could not run
        let outcome = ChildOutcome(result)
        let report = outcome.report(for: exercise)
        save(report)
        let learnerFile = SourceLocation(
            fileID: "Exercises/\(exercise.fileName)", filePath: exercise.file, line: 1, column: 1)
        if unattempted {
            if report.passed {
                Issue.record(
                    Comment(
                        rawValue: "\(exercise.file): every check passes, but the file still says it is not started; "
                            + "delete the line `\(UnattemptedMarker.line(for: exercise.typeName))` to get credit"),
                    sourceLocation: learnerFile)
                return
            }
            try Test.cancel(
                Comment(
                    rawValue: "not started: edit \(exercise.file) and delete its line "
                        + "`\(UnattemptedMarker.line(for: exercise.typeName))`; "
                        + "for a hint, type `hint \(exercise.name)` in the shell (make run)"),
                sourceLocation: sourceLocation)
        }
        for check in report.failed {
            Issue.record(Comment(rawValue: check.explanation(exercise: exercise.name)), sourceLocation: learnerFile)
        }
    }

    private static func save(_ report: ExerciseReport) {
        guard let folder = ProcessInfo.processInfo.environment[reportFolderVariable], !folder.isEmpty else { return }
        let path = (folder as NSString).appendingPathComponent(report.exercise + ".json")
        _ = FileManager.default.createFile(atPath: path, contents: Data(report.jsonLine.utf8))
    }
}

/// What a grading child process printed, and how it ended.
public struct ChildOutcome {
    var report: ExerciseReport?
    var lastProgress: String?
    var timeout: String?
    var status: ExitStatus
    var errorLines: [String]

    public init(_ result: ExitTest.Result) {
        let output = String(decoding: result.standardOutputContent, as: UTF8.self)
        for line in output.split(separator: "\n") {
            if line.hasPrefix(ExerciseChild.reportPrefix) {
                report = ExerciseReport.decode(line.dropFirst(ExerciseChild.reportPrefix.count))
            } else if line.hasPrefix(ExerciseChild.progressPrefix) {
                lastProgress = String(line.dropFirst(ExerciseChild.progressPrefix.count))
            } else if line.hasPrefix(ExerciseChild.timeoutPrefix) {
                timeout = String(line.dropFirst(ExerciseChild.timeoutPrefix.count))
            }
        }
        status = result.exitStatus
        let errors = String(decoding: result.standardErrorContent, as: UTF8.self).split(separator: "\n")
        // The runtime's own words (`Fatal error: Index out of range`) and any frame in the learner's files.
        errorLines = errors.filter {
            $0.contains("Fatal error") || $0.contains("Exercises/") || $0.contains("Solutions/")
        }
        .prefix(4).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// The report, or one made up from how the process ended.
    public func report(for exercise: GradedExercise) -> ExerciseReport {
        if let report { return report }
        let place = lastProgress.map { " during \($0)" } ?? ""
        let message: String
        if let timeout {
            message =
                "your code did not finish within \(timeout): an endless loop, or a waiter that is never resumed. "
                + "Look for a loop whose condition never changes, or a continuation that is never resumed."
        } else {
            let how: String
            switch status {
            case .signal(let signal):
                how =
                    signal == SIGILL || signal == SIGTRAP
                    ? "trapped (a Swift runtime error)" : "crashed (signal \(signal))"
            case .exitCode(let code):
                how = "exited with status \(code) before grading finished"
            @unknown default:
                how = "ended unexpectedly"
            }
            message = (["your code \(how)\(place)."] + errorLines).joined(separator: "\n")
        }
        let check = CheckResult(
            name: "runs to the end without crashing or hanging", passed: false,
            message: timeout == nil ? message : message + (lastProgress.map { "\nLast step: \($0)" } ?? ""), cases: 1)
        return ExerciseReport(exercise: exercise.name, checks: [check])
    }
}
