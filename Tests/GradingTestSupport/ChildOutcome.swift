import Foundation
import Grading
import Testing

/// How a grading child process ended: the grader's verified report if it sent one, else what its output and
/// exit status say, in words a learner can act on.
public struct ChildOutcome {
    /// How the child process ended (Swift Testing's `ExitStatus`, without needing Swift Testing).
    public enum End: Equatable, Sendable {
        case exitCode(Int32)
        case signal(Int32)
    }

    var received: ReportChannel.Received
    var lastProgress: String?
    var timeout: String?
    var memory: String?
    var status: End
    var errorLines: [String]

    /// `replay` says the child ran one seed (one check); by default, whether `POOLSCHOOL_REPLAY_SEED` is set.
    public init(
        _ result: ExitTest.Result, channel: ReportChannel, suite: ExerciseSuite,
        replay: Bool = ProcessInfo.processInfo.environment[CheckOptions.replayVariable] != nil
    ) {
        let end: End
        switch result.exitStatus {
        case .signal(let signal): end = .signal(signal)
        case .exitCode(let code): end = .exitCode(code)
        @unknown default: end = .exitCode(-1)
        }
        self.init(
            standardOutput: result.standardOutputContent, standardError: result.standardErrorContent, end: end,
            channel: channel, suite: suite, replay: replay)
    }

    /// The same from a child started directly (`poolschool-grade`, which `poolschool check` runs).
    public init(
        standardOutput: [UInt8], standardError: [UInt8], end: End, channel: ReportChannel, suite: ExerciseSuite,
        replay: Bool
    ) {
        received = channel.receive(exercise: suite.exercise, checkNames: suite.checks.map(\.name), replay: replay)
        // Progress, timeout and memory lines come from the shared standard output: the learner's code can
        // print them too, but they only ever explain a failure, never make a pass.
        let output = String(decoding: standardOutput, as: UTF8.self)
        for line in output.split(separator: "\n") {
            if line.hasPrefix(ExerciseChild.progressPrefix) {
                lastProgress = String(line.dropFirst(ExerciseChild.progressPrefix.count))
            } else if line.hasPrefix(ExerciseChild.timeoutPrefix) {
                timeout = String(line.dropFirst(ExerciseChild.timeoutPrefix.count))
            } else if line.hasPrefix(ExerciseChild.memoryPrefix) {
                memory = String(line.dropFirst(ExerciseChild.memoryPrefix.count))
            }
        }
        status = end
        let errors = String(decoding: standardError, as: UTF8.self).split(separator: "\n")
        // The runtime's own words (`Fatal error: Index out of range`) and any frame in the learner's files.
        errorLines = errors.filter {
            $0.contains("Fatal error") || $0.contains(Self.allocationFailed) || $0.contains("Exercises/")
                || $0.contains("Solutions/")
        }
        .prefix(4).map { $0.trimmingCharacters(in: .whitespaces) }
    }

    /// How the Swift runtime says an allocation failed (`Fatal error: failed to allocate 68719476768 bytes
    /// of memory with alignment 8`), as it does once the address space limit is reached.
    static let allocationFailed = "failed to allocate"

    /// The name of the check that stands for a run that did not finish.
    public static let runCheck = "runs to the end without crashing, hanging or exhausting memory"

    /// The verified report, or one made up from how the process ended.
    public func report(for exercise: GradedExercise) -> ExerciseReport {
        if case .verified(let report) = received { return report }
        let check = CheckResult(name: Self.runCheck, passed: false, message: message, cases: 1)
        return ExerciseReport(exercise: exercise.name, checks: [check])
    }

    var place: String { lastProgress.map { " during \($0)" } ?? "" }

    var message: String {
        var lines: [String]
        if let memory, status == .exitCode(ExerciseChild.memoryStatus) {
            lines = [Self.memoryMessage(limit: memory)]
        } else if let timeout, status == .exitCode(ExerciseChild.timedOutStatus) {
            lines = [
                "your code did not finish within \(timeout): an endless loop, or a waiter that is never resumed. "
                    + "Look for a loop whose condition never changes, or a continuation that is never resumed."
            ]
            if let lastProgress { lines.append("Last step: \(lastProgress)") }
        } else if status == .exitCode(ExerciseChild.unsentStatus) {
            lines = [
                "grading finished, but the grader could not hand over its report: its private folder was removed "
                    + "or made unwritable (does your code delete or change files in the temporary folder?)"
            ]
        } else if errorLines.contains(where: { $0.contains(Self.allocationFailed) }) {
            lines = [Self.memoryMessage(limit: "its memory limit\(place)")] + errorLines
        } else {
            lines = ["your code \(how)\(place)."] + errorLines
        }
        if case .rejected(let why) = received {
            lines.append("It does not count: \(why); only the grader's own report can pass an exercise.")
        }
        return lines.joined(separator: "\n")
    }

    static func memoryMessage(limit: String) -> String {
        "your code used more memory than the grader allows (\(limit)): something grows without bound, such as "
            + "a list that is never emptied or a task started for every event. It is not an endless loop."
    }

    /// How the process ended, in plain words.
    var how: String {
        switch status {
        case .signal(let signal):
            return signal == SIGILL || signal == SIGTRAP
                ? "trapped (a Swift runtime error)"
                : signal == SIGKILL
                    ? "was killed (signal 9, often for using too much memory)" : "crashed (signal \(signal))"
        case .exitCode(let code):
            return "called exit(\(code)) before grading finished (a grading run ends only when the grader has "
                + "checked everything; remove the call to exit)"
        }
    }
}
