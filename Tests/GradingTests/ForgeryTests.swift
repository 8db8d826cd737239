import Foundation
import Grading
import GradingTestSupport
import Testing

/// Learner code cannot make a grading run pass without passing it: forged reports, early exits, written
/// report files and memory hogs all fail, each with words a learner understands.
@Suite struct ForgeryTests {
    static let suite = PoolSuites.fixedSize(ForgesAndExits.self)

    @Test(.timeLimit(.minutes(3))) func aForgedReportAndExit3Fails() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(ForgesAndExits.self), channel: channel)
        }
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: Self.suite) })
            .report(for: .fixedSizePool)
        #expect(!report.passed)
        #expect(report.failed.first?.message?.contains("your code called exit(3) before grading finished") == true)
    }

    @Test(.timeLimit(.minutes(3))) func aForgedReportFromAtexitFails() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(ForgesAtExit.self), channel: channel)
        }
        let outcome = try #require(result.map { ChildOutcome($0, channel: channel, suite: Self.suite) })
        let report = outcome.report(for: .fixedSizePool)
        // The grader's own report came through: every check ran, and the do-nothing pool failed them.
        #expect(report.checks.map(\.name) == Self.suite.checks.map(\.name))
        #expect(!report.passed)
        let printed = String(decoding: try #require(result).standardOutputContent, as: UTF8.self)
        #expect(!printed.contains("FORGED"), "an atexit handler ran after the verdict")
    }

    @Test(.timeLimit(.minutes(3))) func exit0IsReportedInPlainWords() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .success, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(ExitsEarly.self), channel: channel)
        }
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: Self.suite) })
            .report(for: .fixedSizePool)
        let message = try #require(report.failed.first?.message)
        #expect(message.contains("your code called exit(0) before grading finished"))
        #expect(!message.contains("exitCode"))
    }

    /// Only this test's folder is open to the forger, so that it cannot spoil other tests' channels.
    @Test(.timeLimit(.minutes(3))) func writingTheReportFileHasNoEffect() async throws {
        try FileManager.default.createDirectory(atPath: WritesReportFiles.parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: WritesReportFiles.parent) }
        let channel = try ReportChannel.make(in: WritesReportFiles.parent)
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(WritesReportFiles.self), channel: channel)
        }
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: Self.suite) })
            .report(for: .fixedSizePool)
        #expect(!report.passed)
        let message = try #require(report.failed.first?.message)
        #expect(message.contains("not written by the grader"))
    }

    /// Removing the grader's folder cannot pass either; it is named as what happened.
    @Test(.timeLimit(.minutes(3))) func removingTheReportFolderIsReported() async throws {
        try FileManager.default.createDirectory(atPath: RemovesReportFolders.parent, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: RemovesReportFolders.parent) }
        let channel = try ReportChannel.make(in: RemovesReportFolders.parent)
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(RemovesReportFolders.self), channel: channel)
        }
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: Self.suite) })
            .report(for: .fixedSizePool)
        #expect(!report.passed)
        #expect(report.failed.first?.message?.contains("could not hand over its report") == true)
    }

    @Test(.timeLimit(.minutes(3))) func aMemoryHogIsReportedAsMemory() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(HoardsMemory.self), channel: channel, memoryLimit: 256 << 20)
        }
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: Self.suite) })
            .report(for: .fixedSizePool)
        let message = try #require(report.failed.first?.message)
        #expect(message.contains("more memory than the grader allows"))
        #expect(!message.contains("did not finish"))
    }

    @Test(.timeLimit(.minutes(3))) func oneHugeAllocationIsReportedAsMemory() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(AllocatesAtOnce.self), channel: channel, memoryLimit: 256 << 20)
        }
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: Self.suite) })
            .report(for: .fixedSizePool)
        let message = try #require(report.failed.first?.message)
        #expect(message.contains("more memory than the grader allows"))
    }
}

/// A passing report for exercise 2, as learner code can make one: the check names are public.
func forgedReport() -> String {
    let names = PoolSuites.fixedSize(SilentPool.self).checks.map(\.name)
    return ExerciseReport(
        exercise: "fixed-size-pool", checks: names.map { CheckResult(name: $0, passed: true, cases: 1) }
    ).jsonLine
}

/// Learner code shaped like a pool: does nothing, except `misbehave` on its first event.
protocol Forger: PoolExercise {
    static func misbehave()
}

extension Forger {
    var maximumConnections: Int { 1 }
    var metrics: PoolMetrics { PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0) }
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        Self.misbehave()
    }
}

struct ForgesAndExits: Forger {
    init(config: PoolConfig, seed: UInt64) {}
    static func misbehave() {
        print("POOLSCHOOL-REPORT " + forgedReport())
        print(forgedReport())
        exit(3)
    }
}

struct ForgesAtExit: Forger {
    init(config: PoolConfig, seed: UInt64) {}
    static func misbehave() {
        atexit {
            print("FORGED POOLSCHOOL-REPORT " + forgedReport())
            exit(3)
        }
    }
}

struct ExitsEarly: Forger {
    init(config: PoolConfig, seed: UInt64) {}
    static func misbehave() { exit(0) }
}

/// Writes a passing report into every grading folder it can find, under any nonce it might guess.
struct WritesReportFiles: Forger {
    static let parent = NSTemporaryDirectory() + "/poolschool-forgery-\(getpid())"
    init(config: PoolConfig, seed: UInt64) {}
    static func misbehave() {
        // The grading child is a new process: its parent's pid names the folder.
        let parent = NSTemporaryDirectory() + "/poolschool-forgery-\(getppid())"
        let folders = (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? []
        for folder in folders where folder.hasPrefix("poolschool-grade-") {
            let path = (parent as NSString).appendingPathComponent(folder + "/report")
            try? Data(("0-0\n" + forgedReport() + "\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        exit(3)
    }
}

/// Deletes every grading folder it can find, then lets grading go on.
struct RemovesReportFolders: Forger {
    static let parent = NSTemporaryDirectory() + "/poolschool-unsent-\(getpid())"
    init(config: PoolConfig, seed: UInt64) {}
    static func misbehave() {
        let parent = NSTemporaryDirectory() + "/poolschool-unsent-\(getppid())"
        try? FileManager.default.removeItem(atPath: parent)
    }
}

/// Keeps every event's worth of memory for ever.
struct HoardsMemory: Forger {
    init(config: PoolConfig, seed: UInt64) {}
    static func misbehave() {
        var hoard: [[UInt8]] = []
        while true { hoard.append([UInt8](repeating: 1, count: 1 << 20)) }
    }
}

/// Asks for 64 GiB at once.
struct AllocatesAtOnce: Forger {
    init(config: PoolConfig, seed: UInt64) {}
    static func misbehave() {
        let huge = [UInt8](repeating: 1, count: 64 << 30)
        print(huge.count)
    }
}

@Suite struct ReportChannelTests {
    let names = ["a", "b"]

    /// What the parent makes of a report file whose text `write` builds from the channel's nonce.
    func received(replay: Bool = false, _ write: (String) -> String) throws -> ReportChannel.Received {
        let channel = try ReportChannel.make()
        try Data(write(channel.nonce).utf8).write(to: URL(fileURLWithPath: channel.folder + "/report"))
        defer { #expect(!FileManager.default.fileExists(atPath: channel.folder), "the folder is removed once read") }
        return channel.receive(exercise: "x", checkNames: names, replay: replay)
    }

    func report(_ names: [String], exercise: String = "x") -> String {
        ExerciseReport(exercise: exercise, checks: names.map { CheckResult(name: $0, passed: true, cases: 1) })
            .jsonLine
    }

    @Test func theRightNonceAndChecksAreAccepted() throws {
        let good = try received { $0 + "\n" + report(names) }
        #expect(good == .verified(ExerciseReport.decode(report(names))!))
        let replayed = try received(replay: true) { $0 + "\n" + report(["b"]) }
        #expect(replayed == .verified(ExerciseReport.decode(report(["b"]))!))
    }

    @Test func aWrongNonceOrOtherChecksAreRejected() throws {
        let cases: [(String, Bool, (String) -> String)] = [
            ("a guessed nonce", false, { _ in "0-0\n" + report(names) }),
            ("no nonce", false, { _ in report(names) }),
            ("a check missing", false, { $0 + "\n" + report(["a"]) }),
            ("another exercise", false, { $0 + "\n" + report(names, exercise: "y") }),
            ("a check the suite lacks", true, { $0 + "\n" + report(["c"]) }),
            ("not a report", false, { $0 + "\n{}" }),
        ]
        for (name, replay, write) in cases {
            let outcome = try received(replay: replay, write)
            guard case .rejected = outcome else {
                Issue.record("\(name): \(outcome)")
                continue
            }
        }
    }
}
