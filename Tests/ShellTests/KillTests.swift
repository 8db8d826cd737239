import Course
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Progress is saved after every graded answer, so even kill -9 loses nothing.
@Suite(.timeLimit(.minutes(1))) struct KillTests {
    @Test func progressSurvivesKillNine() throws {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kill-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let fifo = scratch.appendingPathComponent("stdin").path
        #expect(mkfifo(fifo, 0o600) == 0)
        var environment = ProcessInfo.processInfo.environment
        environment["POOLSCHOOL_HOME"] = scratch.path
        environment["POOLSCHOOL_LEARNER"] = "kim"
        // Opened read-write first: it does not block, and the child's open for reading then finds a writer.
        // It stays open so the shell is alive, waiting for its next line, when it is killed.
        let writer = open(fifo, O_RDWR)
        defer { close(writer) }
        let pid = try Spawn.start(
            [PoolschoolProcess.executable.path, "--lessons", ShippedLessonsTests.folder], environment: environment,
            stdin: fifo, stdout: scratch.appendingPathComponent("out").path)
        let lines = "open 01-why-pool\nanswer e\n"  // a wrong answer: graded, so saved at once
        _ = lines.withCString { write(writer, $0, strlen($0)) }
        let progressFile = scratch.appendingPathComponent("progress.json")
        let deadline = Date().addingTimeInterval(20)
        var saved: Course.Progress?
        while Date() < deadline {
            if let data = try? Data(contentsOf: progressFile),
                let progress = try? JSONDecoder().decode(Course.Progress.self, from: data),
                progress.lesson == "01-why-pool", !(progress.lessons["01-why-pool"]?.questions.isEmpty ?? true)
            {
                saved = progress
                break
            }
            usleep(20_000)
        }
        kill(pid, SIGKILL)
        _ = try Spawn.wait(pid, arguments: ["poolschool"], seconds: 10)
        let progress = try #require(saved, "progress was never written before the kill")
        let reread = try JSONDecoder().decode(Course.Progress.self, from: Data(contentsOf: progressFile))
        #expect(reread == progress)
        #expect(reread.learner == "kim")
        #expect(reread.lessons["01-why-pool"]?.questions.values.contains { $0.attempts == 1 } == true)
    }
}
