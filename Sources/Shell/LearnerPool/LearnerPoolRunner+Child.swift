import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension LearnerPoolRunner {
    /// Runs the built child on `request` and reads its reply; a crash, a loop or a bad reply becomes a failure.
    func runChild(_ request: LearnerPoolRequest, observer: RunObserver) -> Result<LearnerPoolReply, Failure> {
        let files = FileManager.default
        let folder = files.temporaryDirectory.appendingPathComponent("poolschool-pool-\(UUID().uuidString)")
        do {
            try files.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            return .failure(Failure(message: "cannot make a temporary folder: \(error.localizedDescription)"))
        }
        defer { try? files.removeItem(at: folder) }
        let requestFile = folder.appendingPathComponent("request.json")
        let replyFile = folder.appendingPathComponent("reply.json")
        let outputFile = folder.appendingPathComponent("output.log")
        do {
            try JSONEncoder().encode(request).write(to: requestFile)
        } catch {
            return .failure(Failure(message: "cannot write the request: \(error.localizedDescription)"))
        }
        _ = files.createFile(atPath: outputFile.path, contents: nil)
        guard let output = try? FileHandle(forWritingTo: outputFile) else {
            return .failure(Failure(message: "cannot write a temporary file"))
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [requestFile.path, replyFile.path]
        process.currentDirectoryURL = URL(fileURLWithPath: root)
        var environment = ProcessInfo.processInfo.environment
        // The runtime's one-line "Fatal error: … file:line" is what a learner needs; a symbolicated backtrace
        // would take seconds on a busy machine.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = output
        // A build that has just linked the child may hold it open a moment longer ("text file busy").
        var attempts = 0
        while true {
            do {
                try process.run()
                break
            } catch {
                attempts += 1
                guard attempts < 5 else {
                    return .failure(Failure(message: "cannot run \(executable): \(error.localizedDescription)"))
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        let started = ContinuousClock.now
        // A backstop only: the CPU limit stops a loop first, unless the machine is very busy.
        let deadline = started + .seconds(cpuSeconds * 4 + 60)
        var nextTick = started + observer.tick
        var (cancelled, timedOut) = (false, false)
        while process.isRunning {
            if observer.isCancelled() {
                cancelled = true
                ExerciseRunner.stop(process)
                break
            }
            if ContinuousClock.now > deadline {
                timedOut = true
                ExerciseRunner.stop(process)
                break
            }
            if ContinuousClock.now >= nextTick {
                observer.progress("still running your pool (\((ContinuousClock.now - started).components.seconds) s)")
                nextTick += observer.tick
            }
            Thread.sleep(forTimeInterval: 0.005)
        }
        process.waitUntilExit()
        try? output.close()
        let printed = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        if let ending = Self.describeEnd(
            process, exercise: request.exercise, cpuSeconds: cpuSeconds, cancelled: cancelled, timedOut: timedOut,
            printed: printed)
        {
            return .failure(Failure(message: ending))
        }
        guard process.terminationStatus == 0,
            let data = try? Data(contentsOf: replyFile),
            let reply = try? JSONDecoder().decode(LearnerPoolReply.self, from: data)
        else {
            return .failure(
                Failure(
                    message: "\(request.exercise): your pool's process ended with status \(process.terminationStatus) "
                        + "and no result" + Self.tail(printed)))
        }
        if let error = reply.error { return .failure(Failure(message: Sanitizer.clean(error))) }
        return .success(reply)
    }

    /// Why the child ended early (Ctrl-C, its CPU limit, a signal), or nil when it exited by itself.
    static func describeEnd(
        _ process: Process, exercise: String, cpuSeconds: Int, cancelled: Bool, timedOut: Bool, printed: String
    ) -> String? {
        if cancelled { return "cancelled (Ctrl-C); your pool's run was stopped" }
        if timedOut {
            return "\(exercise): your pool's process did not finish in \(cpuSeconds * 4 + 60) s and was stopped"
                + tail(printed)
        }
        if (process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGXCPU) {
            return "\(exercise): your pool used \(cpuSeconds) s of CPU without finishing the run "
                + "(an endless loop in handle(_:at:into:)?) and was stopped" + tail(printed)
        }
        if process.terminationReason == .uncaughtSignal {
            return "\(exercise): your pool crashed (\(signalName(process.terminationStatus)))" + tail(printed)
        }
        return nil
    }

    /// The last lines the child printed (the runtime's `Fatal error: … at Exercises/…:42`), cleaned.
    /// The runtime's raw stack dump (frames of addresses) is left out: it says nothing a learner can use.
    static func tail(_ printed: String) -> String {
        let lines = printed.split(separator: "\n").filter { line in
            let words = line.split(separator: " ")
            let isFrame = words.count >= 3 && Int(words[0]) != nil && words.contains { $0.hasPrefix("0x") }
            return !isFrame && !line.hasPrefix("Current stack trace:")
        }.suffix(6).map { Sanitizer.clean(String($0)) }
        return lines.isEmpty ? "" : ":\n" + lines.map { "    " + $0 }.joined(separator: "\n")
    }

    static func signalName(_ signal: Int32) -> String {
        switch signal {
        case SIGILL: "SIGILL: a trap, such as a failed precondition, a force-unwrapped nil or an index out of range"
        case SIGTRAP: "SIGTRAP: a trap, such as a failed precondition, a force-unwrapped nil or an index out of range"
        case SIGSEGV: "SIGSEGV: a bad memory access"
        case SIGABRT: "SIGABRT: the process aborted"
        case SIGKILL: "SIGKILL: killed, perhaps for using too much memory"
        case SIGBUS: "SIGBUS: a bad memory access"
        default: "signal \(signal)"
        }
    }
}
