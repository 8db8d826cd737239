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
        var environment = ProcessInfo.processInfo.environment
        // The runtime's one-line "Fatal error: … file:line" is what a learner needs; a symbolicated backtrace
        // would take seconds on a busy machine.
        environment["SWIFT_BACKTRACE"] = "enable=no"
        var child: ChildProcess?
        // A build that has just linked the child may hold it open a moment longer ("text file busy").
        for attempt in 1...5 {
            do {
                child = try ChildProcess.start(
                    executable, [requestFile.path, replyFile.path], output: outputFile.path, environment: environment)
                break
            } catch {
                guard attempt < 5 else {
                    return .failure(Failure(message: "cannot run \(executable): \(error.localizedDescription)"))
                }
                Thread.sleep(forTimeInterval: 0.2)
            }
        }
        guard let child else { return .failure(Failure(message: "cannot run \(executable)")) }
        let started = ContinuousClock.now
        // A backstop only: the CPU limit stops a loop first, unless the machine is very busy.
        let deadline = started + .seconds(cpuSeconds * 4 + 60)
        var nextTick = started + observer.tick
        var (cancelled, timedOut) = (false, false)
        var ending: ChildProcess.Ending
        while true {
            if let ended = child.poll() {
                ending = ended
                break
            }
            if observer.isCancelled() {
                cancelled = true
                ending = child.stop()
                break
            }
            if ContinuousClock.now > deadline {
                timedOut = true
                ending = child.stop()
                break
            }
            if ContinuousClock.now >= nextTick {
                observer.progress("still running your pool (\((ContinuousClock.now - started).components.seconds) s)")
                nextTick += observer.tick
            }
            usleep(1_000)
        }
        let printed = (try? String(contentsOf: outputFile, encoding: .utf8)) ?? ""
        if let description = Self.describeEnd(
            ending, exercise: request.exercise, cpuSeconds: cpuSeconds, cancelled: cancelled, timedOut: timedOut,
            printed: printed)
        {
            return .failure(Failure(message: description))
        }
        guard ending == .exited(0),
            let data = try? Data(contentsOf: replyFile),
            let reply = try? JSONDecoder().decode(LearnerPoolReply.self, from: data)
        else {
            return .failure(
                Failure(
                    message: "\(request.exercise): your pool's process ended (\(ending)) "
                        + "and no result" + Self.tail(printed)))
        }
        if let error = reply.error { return .failure(Failure(message: Sanitizer.clean(error))) }
        return .success(reply)
    }

    /// Why the child ended early (Ctrl-C, its CPU limit, a signal), or nil when it exited by itself.
    static func describeEnd(
        _ ending: ChildProcess.Ending, exercise: String, cpuSeconds: Int, cancelled: Bool, timedOut: Bool,
        printed: String
    ) -> String? {
        if cancelled { return "cancelled (Ctrl-C); your pool's run was stopped" }
        if timedOut {
            return "\(exercise): your pool's process did not finish in \(cpuSeconds * 4 + 60) s and was stopped"
                + tail(printed)
        }
        if ending == .signalled(SIGXCPU) {
            return "\(exercise): your pool used \(cpuSeconds) s of CPU without finishing the run "
                + "(an endless loop in handle(_:at:into:)?) and was stopped" + tail(printed)
        }
        if case .signalled(let signal) = ending {
            return "\(exercise): your pool crashed (\(signalName(signal)))" + tail(printed)
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
