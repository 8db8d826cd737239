import Foundation
import Grading
import Synchronization

/// The part of grading that runs inside a child process, so that a learner's trap, endless loop or memory
/// hog ends only that process.
///
/// `swift test` starts it through an exit test. It grades and hands the report to the parent through its
/// `ReportChannel` (never on standard output, which the learner's code shares), then `_exit`s, so that no
/// `atexit` handler of the learner's runs after the verdict. While it works it prints a progress line before
/// each check and case; a watchdog thread ends the process after `limit`, or once it holds more than
/// `memoryLimit` bytes, and names the last step. Those lines can only make a run fail, never pass, so the
/// learner's code printing them is harmless.
public enum ExerciseChild {
    public static let progressPrefix = "POOLSCHOOL-PROGRESS "
    public static let timeoutPrefix = "POOLSCHOOL-TIMEOUT "
    public static let memoryPrefix = "POOLSCHOOL-MEMORY "
    /// The exit status after the report is sent (the report, not the status, is what counts).
    public static let finishedStatus: Int32 = 3
    public static let timedOutStatus: Int32 = 4
    public static let memoryStatus: Int32 = 5
    /// Grading finished but the report could not be written to the channel's folder.
    public static let unsentStatus: Int32 = 6
    /// 2 GiB: far above what any exercise needs, well below what the machine has.
    public static let defaultMemoryLimit = 2 << 30

    /// Grades `suite`, sends the report on `channel`, and exits. `probe` grades a stub that is still marked
    /// unattempted: quickly, without shrinking and with a short time limit, only to learn whether it would
    /// pass. `replay` runs one seed (one check) instead of reading `POOLSCHOOL_REPLAY_SEED`.
    public static func grade(
        _ suite: ExerciseSuite, channel: ReportChannel, probe: Bool = false, limit: Duration = .seconds(20),
        memoryLimit: Int = defaultMemoryLimit, replay: UInt64? = nil
    ) -> Never {
        let last = Mutex("starting")
        let finished = Atomic(false)
        let limit = probe ? min(limit, .seconds(3)) : limit
        MemoryGauge.limitAddressSpace(growth: memoryLimit)
        let thread = Thread {
            // The limit is on the time the child computes, not on the clock: on a loaded machine (a whole test
            // run on two cores) a correct pool may wait long for a core, while an endless loop burns its time.
            // A child that neither computes nor finishes (blocked, asleep) is stopped after six limits.
            let deadline = ContinuousClock.now + limit * 6
            while ContinuousClock.now < deadline, processorTime() < limit {
                Thread.sleep(forTimeInterval: 0.02)
                if finished.load(ordering: .acquiring) { return }
                if let resident = MemoryGauge.residentBytes(), resident > memoryLimit {
                    let at = last.withLock { $0 }
                    write(memoryPrefix + "\(MemoryGauge.text(memoryLimit)), during \(at)")
                    _exit(memoryStatus)
                }
            }
            let at = last.withLock { $0 }
            write(timeoutPrefix + "\(limit.components.seconds) s, during \(at)")
            _exit(timedOutStatus)
        }
        thread.start()
        let replay = replay ?? ProcessInfo.processInfo.environment[CheckOptions.replayVariable].flatMap(UInt64.init)
        let options = CheckOptions(replaySeed: replay, shrink: !probe) { step in
            last.withLock { $0 = step }
            write(progressPrefix + step)
        }
        let report = suite.run(options)
        finished.store(true, ordering: .releasing)
        _exit(channel.send(report) ? finishedStatus : unsentStatus)
    }

    /// The processor time this process has used, all threads together.
    static func processorTime() -> Duration {
        var time = timespec()
        guard clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time) == 0 else { return .zero }
        return .seconds(time.tv_sec) + .nanoseconds(time.tv_nsec)
    }

    private static func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}

/// How much memory the child holds, and a hard cap on its address space.
enum MemoryGauge {
    /// Resident memory from `/proc/self/statm`; nil where there is no `/proc`.
    static func residentBytes() -> Int? {
        statm(field: 1)
    }

    /// Caps the address space at what is mapped now plus twice `growth` (plus room for thread stacks), so
    /// that an allocation too fast for the watchdog to see fails instead of taking the machine's memory.
    static func limitAddressSpace(growth: Int) {
        guard let mapped = statm(field: 0) else { return }
        let cap = rlim_t(mapped + 2 * growth + (512 << 20))
        var limit = rlimit(rlim_cur: cap, rlim_max: cap)
        #if os(Linux)
            _ = setrlimit(__rlimit_resource_t(RLIMIT_AS.rawValue), &limit)
        #else
            _ = setrlimit(RLIMIT_AS, &limit)
        #endif
    }

    static func text(_ bytes: Int) -> String {
        bytes >= 1 << 30 && bytes % (1 << 30) == 0 ? "\(bytes >> 30) GiB" : "\(bytes >> 20) MiB"
    }

    private static func statm(field: Int) -> Int? {
        guard let text = try? String(contentsOfFile: "/proc/self/statm", encoding: .utf8) else { return nil }
        let fields = text.split(separator: " ")
        guard fields.count > field, let pages = Int(fields[field]) else { return nil }
        return pages * Int(sysconf(Int32(_SC_PAGESIZE)))
    }
}
