import Foundation
import Testing

/// On a real terminal, with colour on, untrusted text still cannot drive it: a lesson's title and prose and
/// a progress file's lesson name with OSC "set title" sequences leave the window title alone.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct TerminalInjectionTests {
    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"))
    func hostileLessonAndProgressCannotRetitleTheWindow() throws {
        let folder = try LessonFolder()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("poolschool-inj-\(UUID().uuidString)")
        defer {
            folder.remove()
            try? FileManager.default.removeItem(at: home)
        }
        let text = """
            ---
            id: evil
            title: "Evil \\e]2;pwned-title\\a"
            order: 1
            sources: [a.txt]
            ---
            Prose \u{1B}]2;pwned-prose\u{07} and \u{1B}[2J after.

            """
        try text.write(to: folder.url.appendingPathComponent("evil.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let progress =
            #"{"version":1,"learner":"ada","lesson":"\u001b]2;pwned-progress\u0007","page":0,"pageCount":1,"lessons":{}}"#
        try progress.write(to: home.appendingPathComponent("progress.json"), atomically: true, encoding: .utf8)

        let tmux = try Tmux(
            command:
                "env -u NO_COLOR POOLSCHOOL_HOME='\(home.path)' TERM=xterm '\(PoolschoolProcess.executable.path)' --lessons '\(folder.path)'"
        )
        defer { tmux.kill() }
        try tmux.waitFor("Welcome back")
        let before = tmux.paneTitle()
        tmux.type("open evil")
        tmux.keys("Enter")
        try tmux.waitFor("after.")
        tmux.type("lessons")
        tmux.keys("Enter")
        try tmux.waitFor("not started")
        #expect(!tmux.paneTitle().contains("pwned"), "\(tmux.paneTitle())")
        #expect(tmux.paneTitle() == before)
        #expect(tmux.screen().contains("^[]2;pwned-prose^G"))
        #expect(tmux.screen().contains("^[]2;pwned-progress^G") || tmux.screen().contains("Welcome back"))
    }
}
