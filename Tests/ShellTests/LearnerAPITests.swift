import Foundation
import Testing

/// What a learner's exercise sees with `import Grading`, checked by the compiler as it checks their file: the
/// learner API (`Sources/Grading/API/LearnerAPI.swift`) compiles, with its time arithmetic, and the rest of
/// PoolWorld is out of sight.
@Suite(.timeLimit(.minutes(2))) struct LearnerAPITests {
    /// The built modules beside the test bundle, and the C modules' headers they need.
    static func typecheck(_ source: String) throws -> (status: Int32, errors: String) {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = bundle.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: folder.appendingPathComponent("Modules").path),
            folder.pathComponents.count > 1
        {
            folder = folder.deletingLastPathComponent()
        }
        let modules = folder.appendingPathComponent("Modules").path
        let checkouts = PoolschoolProcess.packageRoot.appendingPathComponent(".build/checkouts")
        let includes = try FileManager.default.subpathsOfDirectory(atPath: checkouts.path)
            .filter { $0.hasSuffix("/include") && $0.contains("/Sources/") }
            .flatMap { ["-I", checkouts.appendingPathComponent($0).path] }
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("api-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let file = scratch.appendingPathComponent("Exercise.swift")
        try source.write(to: file, atomically: true, encoding: .utf8)
        let status = try Spawn.run(
            ["swiftc", "-typecheck", "-I", modules] + includes + [file.path],
            environment: ProcessInfo.processInfo.environment, stderr: scratch.appendingPathComponent("err").path,
            seconds: 100)
        return (status, try String(contentsOf: scratch.appendingPathComponent("err"), encoding: .utf8))
    }

    @Test func theLearnerAPIIsEnoughForAPool() throws {
        let result = try Self.typecheck(
            """
            import Grading

            struct Probe: PoolExercise {
                let config: PoolConfig
                var waiting: [RequestID] = []
                init(config: PoolConfig, seed: UInt64) { self.config = config }
                var metrics: PoolMetrics { PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0) }
                mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
                    guard case .borrowRequested(let request) = event else { return }
                    let deadline = now + (config.borrowTimeout ?? .seconds(30)) * 2
                    let waited: SimDuration = deadline - now
                    if waited > .zero { actions.append(.scheduleTimer(PoolTimer(.borrowTimeout, request: request), at: deadline)) }
                    actions.append(.failBorrow(request, .poolFull(total: 0, active: 0, idle: 0, waiting: 0)))
                }
            }
            let mux = MultiplexerConfig(poolMode: .transaction, defaultPoolSize: 2)
            let ids = (ClientID(1), ServerID(2), mux.poolMode)
            """)
        #expect(result.status == 0, "\(result.errors)")
    }

    @Test func theRestOfThePoolWorldIsOutOfSight() throws {
        let result = try Self.typecheck(
            """
            import Grading

            let scenario = Scenario.self
            let proxy = ProxyConfig()
            """)
        #expect(result.status != 0)
        #expect(result.errors.contains("cannot find 'Scenario' in scope"), "\(result.errors)")
        #expect(result.errors.contains("cannot find 'ProxyConfig' in scope"), "\(result.errors)")
    }
}
