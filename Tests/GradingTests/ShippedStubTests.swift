import Foundation
import Grading
import GradingTestSupport
import Testing

/// The shipped stubs: each exercise file exists, names lessons that exist, declares the type its grader
/// grades, and (on CI, which runs on a fresh clone) still carries its Unattempted marker. That a stub graded
/// anyway fails is proven by ExerciseTests, which grades every marked stub before skipping it, and below for
/// do-nothing implementations of each protocol.
@Suite struct ShippedStubTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    @Test(arguments: GradedExercise.all)
    func theStubIsInPlace(_ exercise: GradedExercise) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent(exercise.file), encoding: .utf8)
        let declares = ["struct", "enum", "actor", "final class", "class"].contains {
            text.contains("\($0) \(exercise.typeName):")
        }
        #expect(declares, "\(exercise.file) must declare \(exercise.typeName), the type its grader grades")
        let lessons = text.split(separator: "\n").prefix(4).joined(separator: " ")
        let named = try NSRegularExpression(pattern: "\\b(\\d\\d-[a-z-]+[a-z])\\b").matches(
            in: lessons, range: NSRange(lessons.startIndex..., in: lessons)
        ).compactMap { Range($0.range(at: 1), in: lessons).map { String(lessons[$0]) } }
        #expect(!named.isEmpty, "\(exercise.file)'s header must name its lesson")
        for lesson in named {
            let path = Self.root.appendingPathComponent("Lessons/\(lesson).md").path
            #expect(
                FileManager.default.fileExists(atPath: path),
                "\(exercise.file) names lesson \(lesson), which does not exist")
        }
        if ProcessInfo.processInfo.environment["CI"] == "true" {
            #expect(
                UnattemptedMarker.lineNumber(in: text, typeName: exercise.typeName) != nil,
                "on a fresh clone \(exercise.file) must carry `\(UnattemptedMarker.line(for: exercise.typeName))`")
        }
    }

    @Test func doNothingImplementationsFail() {
        for suite in [SizingSuite.suite(ZeroSizing.self), MultiplexerSuite.suite(SilentMultiplexer.self)] {
            let report = suite.run(CheckOptions(shrink: false))
            #expect(
                report.failed.count == suite.checks.count, "\(suite.exercise): a stub that does nothing passed a check")
        }
        // A pool exercise is graded rule by rule: a silent pool breaks no rule about lending or closing (it does
        // neither), but its gauges (or warm-up) are wrong from the first borrow, and it stalls in the world.
        for suite in [
            PoolSuites.fixedSize(SilentPool.self), PoolSuites.waiting(SilentPool.self),
            PoolSuites.leakDetection(SilentPool.self), PoolSuites.staleConnections(SilentPool.self),
            PoolSuites.warmUp(SilentPool.self),
        ] {
            let report = suite.run(CheckOptions(shrink: false))
            #expect(!report.passed, "\(suite.exercise): a stub that does nothing passed")
            let failed = Set(report.failed.map(\.name))
            #expect(failed.count >= 2, "\(suite.exercise): \(failed)")
            #expect(failed.contains { $0.hasPrefix("runs in the simulated world") }, "\(suite.exercise): \(failed)")
        }
    }

    @Test(.timeLimit(.minutes(3))) func aTrapFailsTheExerciseWithTheRuntimesMessage() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(TrappingPool.self), channel: channel)
        }
        let suite = PoolSuites.fixedSize(TrappingPool.self)
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: suite) })
            .report(for: .fixedSizePool)
        let message = try #require(report.failed.first?.message)
        #expect(message.contains("your code trapped"))
        #expect(message.contains("Index out of range"))
        // Where it happened: the schedule and seed it was running.
        #expect(message.contains("during check 'borrow and return', seed 10001"))
    }

    /// The watchdog fired and said where; how fast it did so is for `make bench`, not for a test.
    @Test(.timeLimit(.minutes(3))) func anEndlessLoopIsReportedByTheWatchdog() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(PoolSuites.fixedSize(LoopingPool.self), channel: channel, limit: .seconds(2))
        }
        let suite = PoolSuites.fixedSize(LoopingPool.self)
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: suite) })
            .report(for: .fixedSizePool)
        let message = try #require(report.failed.first?.message)
        #expect(message.contains("did not finish within 2 s"))
        #expect(message.contains("seed 10001"))
        #expect(!message.contains("memory"))
    }
}

enum ZeroSizing: SizingExercise {
    static func setupShare(setup: Double, query: Double) -> Double { 0 }
    static func hardwareRule(cores: Int, spindles: Int) -> Int { 0 }
    static func connectionsNeeded(ratePerSecond: Double, holdSeconds: Double) -> Double { 0 }
    static func perInstanceBudget(safeTotal: Int, reserved: Int, instances: Int) -> Int { 0 }
    static func startingPoolSize(budget: Int, demand: Double, burstFactor: Double) -> Int { 0 }
    static func throughputCeiling(poolSize: Int, holdSeconds: Double) -> Double { 0 }
    static func queueGrowth(arrivalRate: Double, poolSize: Int, holdSeconds: Double, seconds: Double) -> Double { 0 }
    static func deadlockFreePoolSize(threads: Int, connectionsPerThread: Int) -> Int { 0 }
    static func fleetConnections(maxSize: Int, instances: Int) -> Int { 0 }
}

/// What a shipped pool stub does: nothing.
struct SilentPool: PoolExercise {
    let config: PoolConfig
    init(config: PoolConfig, seed: UInt64) { self.config = config }
    var maximumConnections: Int { config.maxSize + config.maxOverflow }
    var metrics: PoolMetrics { PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0) }
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {}
}

struct SilentMultiplexer: MultiplexerExercise {
    init(config: MultiplexerConfig) {}
    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {}
}

/// Indexes past the end of its idle list on the first borrow.
struct TrappingPool: PoolExercise {
    let config: PoolConfig
    var idle: [ConnectionID] = []
    init(config: PoolConfig, seed: UInt64) { self.config = config }
    var maximumConnections: Int { config.maxSize }
    var metrics: PoolMetrics { PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0) }
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        if case .borrowRequested(let request) = event { actions.append(.lend(idle[idle.count], to: request)) }
    }
}

/// Spins for ever on the first borrow.
struct LoopingPool: PoolExercise {
    let config: PoolConfig
    var spins = 0
    init(config: PoolConfig, seed: UInt64) { self.config = config }
    var maximumConnections: Int { config.maxSize }
    var metrics: PoolMetrics { PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0) }
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        guard case .borrowRequested = event else { return }
        while spins >= 0 { spins &+= 1 }
    }
}
