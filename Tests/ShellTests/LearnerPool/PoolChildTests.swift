import Foundation
import Testing

@testable import Shell

/// The real `poolschool-pool`, built from the shipped Exercises/ (stubs), speaks the child protocol.
@Suite(.timeLimit(.minutes(1))) struct PoolChildTests {
    @Test func theRealChildRunsAShippedStubAndReportsWhatItLeftUnanswered() throws {
        let child = PoolschoolProcess.executable.deletingLastPathComponent().appendingPathComponent("poolschool-pool")
        try #require(FileManager.default.isExecutableFile(atPath: child.path), "swift build builds poolschool-pool")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var options = WorkloadOptions()
        options.arrivalRate = "10/s"
        options.requests = 20
        let request = LearnerPoolRequest(
            exercise: "waiting-pool", lab: nil, plan: LoadPlan(options: options), width: 60, cpuSeconds: 20)
        try JSONEncoder().encode(request).write(to: folder.appendingPathComponent("request.json"))
        let status = try Spawn.run(
            [
                child.path, folder.appendingPathComponent("request.json").path,
                folder.appendingPathComponent("reply.json").path,
            ], environment: ProcessInfo.processInfo.environment)
        #expect(status == 0)
        let reply = try JSONDecoder().decode(
            LearnerPoolReply.self, from: Data(contentsOf: folder.appendingPathComponent("reply.json")))
        #expect(reply.error == nil)
        // The stub answers nothing: every request is still waiting when the world gives up on it.
        #expect(reply.row?.requests == 20)
        #expect(reply.row?.unfinished == 20)
    }

    @Test func anUnknownExerciseIsAnErrorInTheReply() throws {
        let reply = LearnerPoolChild.run(
            LearnerPoolRequest(exercise: "nope", lab: nil, plan: LoadPlan(options: WorkloadOptions()), width: 60),
            pools: [:])
        #expect(reply.error == "this build of poolschool-pool has no pool 'nope' (it has )")
    }

    /// The child rebuilds the lab the shell has, preset and changed settings included.
    @Test func aLabSnapshotRebuildsTheSameSettings() throws {
        let lab = LabState(scenario: LabScenario.catalog[0])
        lab.apply(.goDatabaseSQL)
        lab.pool.borrowTimeout = .seconds(3)
        lab.database.maxConnections = 40
        let rebuilt = try LabSnapshot(lab).rebuild()
        #expect(rebuilt.pool == lab.pool)
        #expect(rebuilt.database == lab.database)
        #expect(rebuilt.presetName == "go")
    }
}
