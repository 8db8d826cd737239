import Foundation
import Grading
import Testing

@testable import Shell

/// `check` says what it is doing while it builds and grades (a first build takes about a minute), and
/// Ctrl-C at a terminal stops it: the child ends, the shell stays. `swift` is a `FakeSwift`.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct CheckProgressTests {
    static func report() -> ExerciseReport {
        ExerciseReport(
            exercise: "waiting-pool",
            checks: [CheckResult(name: "lends each connection once", passed: false, message: "lent twice", cases: 1)])
    }

    @Test func onAPipeProgressLinesAreMarkedAndComeBeforeTheVerdict() throws {
        let project = try StartedProject()
        defer { project.remove() }
        let fake = try FakeSwift(report: Self.report(), exercise: "waiting-pool")
        defer { fake.remove() }
        let result = try PoolschoolProcess.run(
            [], input: "check waiting-pool\n", environment: ["PATH": fake.path], directory: project.path)
        let progress = result.stdout.split(separator: "\n").filter { $0.hasPrefix("… ") }
        #expect(
            progress.first?.hasPrefix(
                "… building your exercises and their grader (swift build --product poolschool-grade") == true)
        #expect(progress.contains { $0.hasPrefix("… grading waiting-pool in its own process") })
        // Nobody can press Ctrl-C on a pipe, so it is not offered.
        #expect(!result.stdout.contains("Ctrl-C"))
        // The verdict is not a progress line: it is the failure, on standard error.
        #expect(result.stderr.contains("waiting-pool: 0 of 1 checks pass."))
        #expect(!result.stdout.contains("checks pass"))
        #expect(result.status == 1)
    }

    @Test func theCommandLineCheckSaysItsProgressOnStandardError() throws {
        let project = try StartedProject()
        defer { project.remove() }
        let fake = try FakeSwift(report: Self.report(), exercise: "waiting-pool")
        defer { fake.remove() }
        let result = try PoolschoolProcess.run(
            ["check", "waiting-pool"], environment: ["PATH": fake.path], directory: project.path)
        #expect(result.stderr.contains("… building your exercises and their grader"))
        #expect(result.stderr.contains("… grading waiting-pool in its own process"))
        // Standard output is the verdict alone, for scripts.
        #expect(!result.stdout.contains("…"))
        #expect(result.stdout.contains("waiting-pool: 0 of 1 checks pass."))
        #expect(result.status == 1)
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"))
    func ctrlCStopsTheBuildAndTheShellGoesOn() throws {
        let project = try StartedProject()
        defer { project.remove() }
        // A build far longer than the test's wait: only a cancel ends it in time.
        let fake = try FakeSwift(report: Self.report(), exercise: "waiting-pool", buildSeconds: 300)
        defer { fake.remove() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("check-tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try Tmux(
            command: "cd '\(project.path)' && env PATH='\(fake.path)' POOLSCHOOL_HOME='\(home.path)' TERM=xterm "
                + "'\(PoolschoolProcess.executable.path)'")
        defer { tmux.kill() }
        try tmux.waitFor("poolschool> ")
        tmux.type("check waiting-pool")
        tmux.keys("Enter")
        try tmux.waitFor("; Ctrl-C cancels")
        let started = Date()
        while fake.buildProcess == nil && Date().timeIntervalSince(started) < 10 { Thread.sleep(forTimeInterval: 0.05) }
        let build = try #require(fake.buildProcess, "the fake swift build never started")

        tmux.keys("C-c")
        try tmux.waitFor("waiting-pool: cancelled (Ctrl-C) before a verdict; nothing was graded.")
        // The build ignores SIGINT; the shell must have ended it all the same.
        #expect(kill(build, 0) != 0, "swift build (pid \(build)) is still running after the cancel")

        tmux.type("help")
        tmux.keys("Enter")
        try tmux.waitFor("Show poolschool's version")
    }
}
