import ExerciseSuites
import Foundation
import Grading
import GradingTestSupport

/// Starts the grading child, hands it its channel, and turns how it ended into a report (`ChildOutcome`, as
/// the exercise tests do), which it saves for the shell. Exit 0 if the exercise passed, 1 if not.
enum GraderParent {
    /// What a learner's code may print is kept up to this much; the verdict never depends on it.
    static let outputLimit = 16 << 20

    static func run(_ name: String) -> Int32 {
        guard let exercise = GradedExercise.named(name) else {
            let names = GradedExercise.all.map(\.name).joined(separator: ", ")
            return fail("no exercise is named '\(name)'; the exercises are \(names)")
        }
        let suite = LearnerSuites.suite(exercise)
        guard let channel = try? ReportChannel.make() else { return fail("cannot make a private folder") }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("poolschool-grade-\(UUID())")
        let output = scratch.appendingPathComponent("stdout")
        let errors = scratch.appendingPathComponent("stderr")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
            guard FileManager.default.createFile(atPath: output.path, contents: nil),
                FileManager.default.createFile(atPath: errors.path, contents: nil)
            else { return fail("cannot write to \(scratch.path)") }
            let end = try runChild(name, channel: channel, output: output, errors: errors)
            let replay = ProcessInfo.processInfo.environment[CheckOptions.replayVariable] != nil
            let outcome = ChildOutcome(
                standardOutput: read(output), standardError: read(errors), end: end, channel: channel, suite: suite,
                replay: replay)
            let report = outcome.report(for: exercise)
            ExerciseVerdict.save(report)
            let passed = report.checks.filter(\.passed).count
            print("\(name): \(passed) of \(report.checks.count) checks pass.")
            return report.passed ? 0 : 1
        } catch {
            try? FileManager.default.removeItem(atPath: channel.folder)
            return fail("cannot start the grading child: \(error)")
        }
    }

    /// Runs `poolschool-grade --child NAME` to its end; the channel goes in on its standard input.
    private static func runChild(_ name: String, channel: ReportChannel, output: URL, errors: URL) throws
        -> ChildOutcome.End
    {
        let process = Process()
        process.executableURL = Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0])
        process.arguments = ["--child", name]
        let input = Pipe()
        process.standardInput = input
        process.standardOutput = try FileHandle(forWritingTo: output)
        process.standardError = try FileHandle(forWritingTo: errors)
        try process.run()
        input.fileHandleForWriting.write(try JSONEncoder().encode(channel))
        try input.fileHandleForWriting.close()
        process.waitUntilExit()
        return process.terminationReason == .uncaughtSignal
            ? .signal(process.terminationStatus) : .exitCode(process.terminationStatus)
    }

    private static func read(_ file: URL) -> [UInt8] {
        guard let handle = try? FileHandle(forReadingFrom: file) else { return [] }
        return [UInt8]((try? handle.read(upToCount: outputLimit)) ?? Data())
    }

    private static func fail(_ message: String) -> Int32 {
        FileHandle.standardError.write(Data("poolschool-grade: \(message)\n".utf8))
        return 2
    }
}
