import Foundation
import Testing

/// The real terminal path, driven as a person would: keys typed into tmux, the screen read back.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct TerminalSessionTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"))
    func editsRecallsHistoryCompletesAndSurvivesCtrlC() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("poolschool-tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try Tmux(
            command: "env POOLSCHOOL_HOME='\(home.path)' TERM=xterm '\(PoolschoolProcess.executable.path)'")
        defer { tmux.kill() }
        try tmux.waitFor("poolschool> ")

        // Edit with cursor keys: type "vrsion", go back five, insert the missing "e".
        tmux.type("vrsion")
        for _ in 0..<5 { tmux.keys("Left") }
        tmux.type("e")
        tmux.keys("Enter")
        try tmux.waitFor("poolschool> version\npoolschool 0.1.0\npoolschool> ")

        // Complete a command and its argument with Tab.
        tmux.type("hel")
        tmux.keys("Tab")
        tmux.type("vers")
        tmux.keys("Tab")
        tmux.keys("Enter")
        try tmux.waitFor("version — Show poolschool's version")

        // Ctrl-C drops the line being typed and the shell goes on.
        tmux.type("garbage that is never run")
        tmux.keys("C-c")
        try tmux.waitFor("^C\npoolschool> ")
        #expect(!tmux.screen().contains("unknown command 'garbage"))

        // Up twice recalls the edited command from history.
        tmux.keys("Up")
        tmux.keys("Up")
        tmux.keys("Enter")
        try tmux.waitFor("poolschool> version\npoolschool 0.1.0\npoolschool> ", occurrences: 2)

        // Ctrl-D leaves; history survives into the next run.
        tmux.keys("C-d")
        try tmux.waitForExit()
        let history = try String(contentsOf: home.appendingPathComponent("history"), encoding: .utf8)
        #expect(history.contains("help\\040version"))
        #expect(!history.contains("garbage"))

        let again = try Tmux(
            command: "env POOLSCHOOL_HOME='\(home.path)' TERM=xterm '\(PoolschoolProcess.executable.path)'")
        defer { again.kill() }
        try again.waitFor("poolschool> ")
        again.keys("Up")
        try again.waitFor("poolschool> version")
    }
}
