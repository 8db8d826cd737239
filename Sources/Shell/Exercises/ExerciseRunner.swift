import Foundation
import Grading

/// Builds the learner's exercises and grades them with `poolschool-grade`, which grades an exercise exactly as
/// `swift test --filter` does (the same suites, in a child process with a time limit) but is a small
/// executable: an edit relinks a few megabytes instead of the whole test bundle, and no test runner starts.
///
/// The learner's code never runs inside poolschool itself: a trap or an endless loop can only end a child.
struct ExerciseRunner: Sendable {
    /// A compiler error in a learner's file.
    struct CompileError: Equatable, Sendable {
        var file: String
        var line: Int
        var column: Int
        var message: String
        /// The offending source line, if it could be read.
        var source: String?
    }

    enum Outcome: Sendable {
        /// The exercise still carries its Unattempted marker (at this line).
        case notStarted(line: Int)
        /// The package does not compile.
        case compileErrors([CompileError], output: String)
        /// Graded: the report says how.
        case graded(ExerciseReport)
        /// `swift test` did not finish within the time limit.
        case timedOut(Duration)
        /// No report came back; the output says why.
        case failed(String)
        /// The learner stopped it (Ctrl-C); the child was ended.
        case cancelled
    }

    /// The package folder (the one with Package.swift and Exercises/).
    var root: String
    var swift: String
    var timeLimit: Duration

    init(root: String, swift: String = "swift", timeLimit: Duration = .seconds(300)) {
        self.root = root
        self.swift = swift
        self.timeLimit = timeLimit
    }

    /// Where the exercise stands without running anything: the marker's line if it is not started.
    func markerLine(_ exercise: GradedExercise) -> Int? {
        guard let text = try? String(contentsOfFile: path(exercise.file), encoding: .utf8) else { return nil }
        return UnattemptedMarker.lineNumber(in: text, typeName: exercise.typeName)
    }

    func path(_ relative: String) -> String { (root as NSString).appendingPathComponent(relative) }

    /// The executable that grades one exercise (a product of this package).
    static let grader = "poolschool-grade"

    /// Where `swift build` puts the grader (SwiftPM keeps `.build/debug` pointing at the host's debug folder).
    var graderPath: String { path(".build/debug/" + Self.grader) }

    /// `swift build --product poolschool-grade`: nil when it compiles, else the errors in the learner's files
    /// (or all errors).
    func build(observer: RunObserver = .silent) -> (errors: [CompileError], output: String)? {
        observer.progress(
            "building your exercises and their grader (swift build --product \(Self.grader); the first build "
                + "takes about a minute, later ones a few seconds)")
        let result = run(
            [swift, "build", "--product", Self.grader], environment: [:], observer: observer, doing: "building")
        guard result.status != 0 else { return nil }
        return (Self.compileErrors(in: result.output, root: root), result.output)
    }

    /// Grades one exercise (building first unless `built`); with `replay`, only the check that seed belongs to,
    /// with its trace.
    func grade(
        _ exercise: GradedExercise, replay: UInt64? = nil, built: Bool = false, observer: RunObserver = .silent
    ) -> Outcome {
        if replay == nil, let line = markerLine(exercise) { return .notStarted(line: line) }
        if !built, let failure = build(observer: observer) {
            // A build stopped by Ctrl-C fails too; that is not the learner's compile error.
            if observer.isCancelled() { return .cancelled }
            return .compileErrors(failure.errors, output: failure.output)
        }
        if observer.isCancelled() { return .cancelled }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("poolschool-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var environment = ["POOLSCHOOL_REPORT_DIR": folder.path]
        if let replay { environment[CheckOptions.replayVariable] = String(replay) }
        observer.progress(
            "grading \(exercise.name) in its own process (as swift test --filter \(exercise.tests) would)")
        let result = run([graderPath, exercise.name], environment: environment, observer: observer, doing: "grading")
        if result.cancelled { return .cancelled }
        if result.timedOut { return .timedOut(timeLimit) }
        let reportFile = folder.appendingPathComponent(exercise.name + ".json")
        if let data = try? Data(contentsOf: reportFile),
            let report = ExerciseReport.decode(String(decoding: data, as: UTF8.self))
        {
            // A pass counts only if the grader passed too: learner code that killed the grading process could
            // have left a report of its own in the folder.
            guard !report.passed || result.status == 0 else {
                return .failed("the report says passed but the grader did not:\n" + result.output.suffix(2_000))
            }
            return .graded(report)
        }
        return .failed(String(result.output.suffix(2_000)))
    }

    // MARK: Processes

    struct RunResult {
        var status: Int32
        var output: String
        var timedOut: Bool
        var cancelled = false
    }

    /// Runs a child to its end, its time limit, or the observer's cancel; `doing` names it in `still …` lines.
    func run(
        _ arguments: [String], environment extra: [String: String], observer: RunObserver = .silent,
        doing: String = "running"
    ) -> RunResult {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        process.environment = Self.environment(ProcessInfo.processInfo.environment, adding: extra)
        let outputFile = FileManager.default.temporaryDirectory.appendingPathComponent(
            "poolschool-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: outputFile.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: outputFile) }
        guard let handle = try? FileHandle(forWritingTo: outputFile) else {
            return RunResult(status: -1, output: "cannot write a temporary file", timedOut: false)
        }
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            return RunResult(
                status: -1, output: "cannot run \(arguments.joined(separator: " ")): \(error)", timedOut: false)
        }
        let started = ContinuousClock.now
        let deadline = started + timeLimit
        var nextTick = started + observer.tick
        var (timedOut, cancelled) = (false, false)
        while process.isRunning {
            if ContinuousClock.now > deadline {
                timedOut = true
                Self.stop(process)
                break
            }
            if observer.isCancelled() {
                cancelled = true
                Self.stop(process)
                break
            }
            if ContinuousClock.now >= nextTick {
                observer.progress("still \(doing) (\((ContinuousClock.now - started).components.seconds) s)")
                nextTick += observer.tick
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        process.waitUntilExit()
        try? handle.close()
        let output = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        return RunResult(
            status: process.terminationStatus, output: output, timedOut: timedOut, cancelled: cancelled)
    }

    /// The child's environment: ours plus `extra`, without a replay seed `extra` does not ask for (one set in
    /// the learner's shell would grade a single check, which could then pass for the whole exercise).
    static func environment(_ base: [String: String], adding extra: [String: String]) -> [String: String] {
        var environment = base
        environment.removeValue(forKey: CheckOptions.replayVariable)
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// `path:line:column: error: message` lines, learner files (Exercises/) first, with their source line.
    static func compileErrors(in output: String, root: String) -> [CompileError] {
        var found: [CompileError] = []
        for line in output.split(separator: "\n") where line.contains(": error: ") {
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, let number = Int(parts[1]), let column = Int(parts[2]) else { continue }
            var file = String(parts[0])
            if file.hasPrefix(root + "/") { file = String(file.dropFirst(root.count + 1)) }
            let message = parts[4].replacingOccurrences(of: " error: ", with: "").trimmingCharacters(in: .whitespaces)
            let fullPath = file.hasPrefix("/") ? file : (root as NSString).appendingPathComponent(file)
            let source = (try? String(contentsOfFile: fullPath, encoding: .utf8))?
                .split(separator: "\n", omittingEmptySubsequences: false).dropFirst(number - 1).first.map(String.init)
            let error = CompileError(file: file, line: number, column: column, message: message, source: source)
            if !found.contains(error) { found.append(error) }
        }
        return found.sorted {
            ($0.file.hasPrefix("Exercises/") ? 0 : 1, $0.file, $0.line) < (
                $1.file.hasPrefix("Exercises/") ? 0 : 1, $1.file, $1.line
            )
        }
    }
}
