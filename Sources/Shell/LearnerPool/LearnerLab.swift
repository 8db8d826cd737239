import Foundation
import PoolWorld

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `lab --pool EXERCISE`: the lab's world running the learner's pool in a long-lived child (`poolschool-pool
/// --lab`), which answers the lab commands a line at a time. When the child traps or loops, the shell says so
/// and the lab goes back to the reference pool.
final class LearnerLab {
    /// The lab commands the learner's world answers; the others (config, load, …) stay with the shell.
    static let commands: Set<String> = [
        "borrow", "release", "leak", "query", "advance", "burst", "stats", "events",
    ]

    let exercise: String
    let process: Process
    let input: Int32
    let answers: Int32
    let folder: URL
    let log: URL
    let cpuSeconds: Int
    private var buffer: [UInt8] = []

    private init(
        exercise: String, process: Process, input: Int32, answers: Int32, folder: URL, log: URL, cpuSeconds: Int
    ) {
        self.exercise = exercise
        self.process = process
        self.input = input
        self.answers = answers
        self.folder = folder
        self.log = log
        self.cpuSeconds = cpuSeconds
    }

    deinit { stop() }

    /// Builds the child if needed and starts it on the lab's settings; returns it with its greeting.
    static func start(
        _ exercise: String, lab: LabState, runner: LearnerPoolRunner, observer: RunObserver
    ) -> Result<(LearnerLab, [String]), LearnerPoolRunner.Failure> {
        if let problem = runner.checkExercise(exercise) { return .failure(problem) }
        if let problem = runner.buildIfNeeded(observer: observer) { return .failure(problem) }
        // A child that dies between two commands must not take the shell with it when it is written to.
        signal(SIGPIPE, SIG_IGN)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "poolschool-lab-\(UUID().uuidString)")
        let requestFile = folder.appendingPathComponent("request.json")
        let log = folder.appendingPathComponent("output.log")
        let request = LearnerPoolRequest(
            exercise: exercise, lab: LabSnapshot(lab), plan: LoadPlan(options: WorkloadOptions()), width: 80,
            cpuSeconds: runner.cpuSeconds)
        let process = Process()
        let toChild = Pipe()
        let fromChild = Pipe()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try JSONEncoder().encode(request).write(to: requestFile)
            _ = FileManager.default.createFile(atPath: log.path, contents: nil)
            process.executableURL = URL(fileURLWithPath: runner.executable)
            process.arguments = ["--lab", requestFile.path]
            process.currentDirectoryURL = URL(fileURLWithPath: runner.root)
            var environment = ProcessInfo.processInfo.environment
            environment["SWIFT_BACKTRACE"] = "enable=no"
            process.environment = environment
            process.standardInput = toChild
            process.standardOutput = fromChild
            process.standardError = try FileHandle(forWritingTo: log)
            try process.run()
        } catch {
            try? FileManager.default.removeItem(at: folder)
            return .failure(.init(message: "cannot start your pool's lab: \(error.localizedDescription)"))
        }
        let lab = LearnerLab(
            exercise: exercise, process: process, input: toChild.fileHandleForWriting.fileDescriptor,
            answers: fromChild.fileHandleForReading.fileDescriptor, folder: folder, log: log,
            cpuSeconds: runner.cpuSeconds)
        // The handles own the descriptors; keep them alive as long as the lab.
        lab.handles = [toChild, fromChild]
        switch lab.answer(isCancelled: observer.isCancelled) {
        case .success(let greeting):
            guard greeting.status == 0 else {
                lab.stop()
                return .failure(.init(message: Sanitizer.clean(greeting.lines.joined(separator: "\n"))))
            }
            return .success((lab, greeting.lines))
        case .failure(let failure):
            return .failure(failure)
        }
    }

    private var handles: [Pipe] = []

    /// Sends one lab command line and waits for its answer.
    func send(_ line: String, isCancelled: () -> Bool) -> Result<
        (lines: [String], status: Int), LearnerPoolRunner.Failure
    > {
        let bytes = Array((line.replacingOccurrences(of: "\n", with: " ") + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(input, $0.baseAddress, $0.count) }
            guard count > 0 else { return .failure(ended()) }
            written += count
        }
        return answer(isCancelled: isCancelled)
    }

    /// Reads lines up to the end marker; the child's death, Ctrl-C or the backstop end the wait.
    private func answer(isCancelled: () -> Bool) -> Result<(lines: [String], status: Int), LearnerPoolRunner.Failure> {
        let deadline = ContinuousClock.now + .seconds(cpuSeconds * 4 + 60)
        var lines: [String] = []
        while true {
            while let newline = buffer.firstIndex(of: 10) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                if line.hasPrefix(LearnerLabChild.end) {
                    return .success((lines, Int(line.dropFirst(LearnerLabChild.end.count)) ?? 1))
                }
                lines.append(line)
            }
            if isCancelled() {
                stop()
                return .failure(.init(message: "cancelled (Ctrl-C); your pool's lab was stopped"))
            }
            if ContinuousClock.now > deadline {
                stop()
                return .failure(.init(message: "\(exercise): your pool did not answer in time and was stopped"))
            }
            var descriptor = pollfd(fd: answers, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            var chunk = [UInt8](repeating: 0, count: 65_536)
            let count = chunk.withUnsafeMutableBytes { read(answers, $0.baseAddress, $0.count) }
            guard count > 0 else { return .failure(ended()) }
            buffer += chunk[..<count]
        }
    }

    /// The child is gone: why, in the words `load --pool` uses.
    private func ended() -> LearnerPoolRunner.Failure {
        process.waitUntilExit()
        let printed = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let message =
            LearnerPoolRunner.describeEnd(
                process.terminationReason == .uncaughtSignal
                    ? .signalled(process.terminationStatus) : .exited(process.terminationStatus), exercise: exercise,
                cpuSeconds: cpuSeconds, cancelled: false, timedOut: false, printed: printed
            )
            ?? "\(exercise): your pool's lab ended" + LearnerPoolRunner.tail(printed)
        stop()
        return .init(message: message)
    }

    /// Ends the child (if it still runs) and removes its files.
    func stop() {
        if process.isRunning { ExerciseRunner.stop(process) }
        handles = []
        try? FileManager.default.removeItem(at: folder)
    }
}
