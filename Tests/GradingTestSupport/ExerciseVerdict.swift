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

    /// Records what the child left behind. `suite` and `channel` are the ones the child was given: the
    /// report counts only if it came through `channel` and matches `suite`'s checks.
    public static func record(
        _ result: ExitTest.Result?, _ exercise: GradedExercise, suite: ExerciseSuite, channel: ReportChannel,
        unattempted: Bool, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        guard let result else {
            // The exit test already recorded why it could not run; no report file may outlive this run.
            removeSaved(exercise)
            try? FileManager.default.removeItem(atPath: channel.folder)
            return
        }
        let report = ChildOutcome(result, channel: channel, suite: suite).report(for: exercise)
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

    /// Written here, in the parent, after the child has ended, and atomically: whatever the learner's code
    /// left at that path (a file, a link) is replaced, not followed. `poolschool-grade` saves its reports so too.
    public static func save(_ report: ExerciseReport) {
        guard let url = savedURL(report.exercise) else { return }
        try? Data(report.jsonLine.utf8).write(to: url, options: .atomic)
    }

    private static func removeSaved(_ exercise: GradedExercise) {
        guard let url = savedURL(exercise.name) else { return }
        try? FileManager.default.removeItem(at: url)
    }

    private static func savedURL(_ exercise: String) -> URL? {
        guard let folder = ProcessInfo.processInfo.environment[reportFolderVariable], !folder.isEmpty else {
            return nil
        }
        return URL(fileURLWithPath: folder).appendingPathComponent(exercise + ".json")
    }
}
