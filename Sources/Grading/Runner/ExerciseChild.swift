import Foundation
import Synchronization

/// The part of grading that runs inside a child process, so that a learner's trap or endless loop ends only
/// that process.
///
/// `swift test` starts it through an exit test. It grades, writes one report line on standard output, and
/// exits with `finishedStatus`. While it works it writes a progress line before each check and case; a
/// watchdog thread ends the process after `limit` and names the last one, so an infinite loop or a waiter
/// nobody resumes is reported with where it happened. This is the only code in Grading that writes or exits.
public enum ExerciseChild {
    public static let reportPrefix = "POOLSCHOOL-REPORT "
    public static let progressPrefix = "POOLSCHOOL-PROGRESS "
    public static let timeoutPrefix = "POOLSCHOOL-TIMEOUT "
    /// The exit status that means "the report is written" (any other status means the code crashed).
    public static let finishedStatus: Int32 = 3
    public static let timedOutStatus: Int32 = 4
    /// The environment variable that asks for one seed to be replayed.
    public static let replayVariable = "POOLSCHOOL_REPLAY_SEED"

    /// Grades `suite` and exits. `probe` grades a stub that is still marked unattempted: quickly, without
    /// shrinking and with a short time limit, only to learn whether it would pass.
    /// `replay` runs one seed (one check) instead of reading `POOLSCHOOL_REPLAY_SEED`.
    public static func grade(
        _ suite: ExerciseSuite, probe: Bool = false, limit: Duration = .seconds(20), replay: UInt64? = nil
    ) -> Never {
        let last = Mutex("starting")
        let finished = Atomic(false)
        let limit = probe ? min(limit, .seconds(3)) : limit
        let thread = Thread {
            let deadline = ContinuousClock.now + limit
            while ContinuousClock.now < deadline {
                Thread.sleep(forTimeInterval: 0.05)
                if finished.load(ordering: .acquiring) { return }
            }
            let at = last.withLock { $0 }
            write(timeoutPrefix + "\(limit.components.seconds) s, during \(at)")
            _exit(timedOutStatus)
        }
        thread.start()
        let replay = replay ?? ProcessInfo.processInfo.environment[replayVariable].flatMap(UInt64.init)
        let options = CheckOptions(replaySeed: replay, shrink: !probe) { step in
            last.withLock { $0 = step }
            write(progressPrefix + step)
        }
        let report = suite.run(options)
        finished.store(true, ordering: .releasing)
        write(reportPrefix + report.jsonLine)
        exit(finishedStatus)
    }

    private static func write(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
