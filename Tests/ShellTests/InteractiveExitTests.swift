import Foundation
import Testing

/// How an interactive session ends, seen from the shell that started it (`echo $?`), and what
/// `make` runs around it.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct InteractiveExitTests {
    /// Runs poolschool on a terminal from `sh`, which prints its exit status when it ends.
    func shell(_ home: URL) throws -> Tmux {
        try Tmux(
            command:
                "sh -c \"env POOLSCHOOL_HOME='\(home.path)' TERM=xterm '\(PoolschoolProcess.executable.path)'; echo exit status \\$?; sleep 30\""
        )
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"), arguments: ["quit", "C-d"])
    func leavingOnPurposeExitsZeroEvenAfterMistypedCommands(leave: String) throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("poolschool-exit-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try shell(home)
        defer { tmux.kill() }
        try tmux.waitFor("poolschool> ")
        tmux.type("borow")
        tmux.keys("Enter")
        try tmux.waitFor("did you mean 'borrow'?")
        tmux.type("help a b")
        tmux.keys("Enter")
        try tmux.waitFor("usage: help")
        if leave == "quit" {
            tmux.type("quit")
            tmux.keys("Enter")
        } else {
            tmux.keys(leave)
        }
        try tmux.waitFor("exit status 0")
    }

    @Test func scriptedSessionsKeepTheirFailureStatus() throws {
        #expect(try PoolschoolProcess.run([], input: "borow\nquit\n").status == 1)
        #expect(try PoolschoolProcess.run([], input: "help a b\nquit\n").status == 2)
    }

    @Test func makeLintChecksTheProjectsCodeNotTheLearnersExercises() throws {
        let root = PoolschoolProcess.packageRoot
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("make-n-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        let status = try Spawn.run(
            ["make", "-n", "-C", root.path, "lint"], environment: ProcessInfo.processInfo.environment,
            stdout: output.path, seconds: 30)
        let recipe = try String(contentsOf: output, encoding: .utf8)
        #expect(status == 0)
        #expect(recipe.contains("format lint --strict --recursive Sources Tests Solutions"), "\(recipe)")
        #expect(!recipe.contains("Exercises"), "a learner's file must never fail make test: \(recipe)")
    }
}
