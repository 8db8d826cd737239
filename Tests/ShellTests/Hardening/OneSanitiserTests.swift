import Foundation
import Testing

@testable import Shell

/// Untrusted text leaves through one gate: whatever a lesson, a progress file or a learner's line contains,
/// no ESC byte reaches the terminal from it; only the shell's own styling becomes escapes.
@Suite(.timeLimit(.minutes(2))) struct OneSanitiserTests {
    static let escape = "\u{1B}"
    static let title = "\u{1B}]0;pwned\u{07}"

    @Test func rawEscapesAreShownAndOnlyStyleMarkersBecomeEscapes() {
        let styled = Style(enabled: true).red("error") + " in '\u{1B}[2J\u{9B}31m'"
        let shown = GatedOutput.render(styled, colour: true)
        #expect(shown == "\u{1B}[31merror\u{1B}[0m in '^[[2J\\u{9B}31m'")
        #expect(GatedOutput.render(styled, colour: false) == "error in '^[[2J\\u{9B}31m'")
        // A lesson cannot pass for styling by writing the marker itself.
        let forged = String(Style.escapeMarker) + "[31mred"
        #expect(!GatedOutput.render(forged, colour: false).contains(Self.escape))
        #expect(!GatedOutput.render(Sanitizer.clean(forged), colour: true).contains(Self.escape))
        #expect(GatedOutput.render("50%" + Style.carriageReturn, colour: false) == "50%")
    }

    @Test func aSessionGatesWhateverACommandWrites() {
        let captured = CapturedOutput()
        let session = ShellSession(output: captured, home: ShellHome(path: "/nonexistent"))
        session.output.write("raw \u{1B}[2J from a command that forgot\n", error: false)
        session.say(Self.title)
        #expect(!captured.text.contains(Self.escape))
        #expect(captured.text.contains("^[[2J"))
    }

    @Test func noEscapeByteFromAHostileLessonOrHostileLinesOnAPipe() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let e = "\\e"  // ESC in a YAML double-quoted string
        let body = """
            Prose with \u{1B}[2J a clear-screen and a \(Self.title) retitle.

            ```question
            id: q
            kind: choice
            prompt: "Pick \(e)[31mone"
            answer: a
            choices: ["x\(e)[8m", "y"]
            ```

            ```hint
            hint \u{1B}[5m blink
            ```

            ```explain
            because \u{1B}]0;t\u{07}
            ```
            """
        let text =
            "---\nid: evil\ntitle: \"Evil \(e)]0;pwned\\a\"\norder: 1\nsources: [a.txt]\n---\n" + body + "\n"
        try text.write(to: folder.url.appendingPathComponent("evil.md"), atomically: true, encoding: .utf8)
        let lines = [
            "lessons", "open evil", "page", "hint", "\u{1B}[31mwrong", "answer \u{1B}]0;x\u{07}", "c", "explain",
            "next", "progress", "search \u{1B}[2J", "open \u{1B}[2J", "lab \u{1B}[2J", "lab", "advance \u{1B}[2J",
            "fault \u{1B}[2J on", "fault firewall \u{1B}[2J", "burst \u{1B}[2J", "burst 2 SELECT \u{1B}[2J",
            "load --\u{1B}[2J 1", "load --arrival-rate \u{1B}[2J", "load --hold-mean \u{1B}[2J --arrival-rate 1/s",
            "load --script \u{1B}[2J --arrival-rate 1/s", "config \u{1B}[2J=1", "config max_size=\u{1B}[2J",
            "borrow as \u{1B}[2J", "query \u{1B}[2J SELECT 1", "borrow as a", "query a SELECT \u{1B}[2J",
            "release \u{1B}[2J", "load --arrival-rate 10/s --requests 10 --svg /nonexistent/\u{1B}[2J.svg",
            "help \u{1B}[2J", "\u{1B}[2J", "hint \u{1B}[2J", "solution \u{1B}[2J", "replay \u{1B}[2J 1",
        ]
        let result = try PoolschoolProcess.run(
            ["--lessons", folder.path], input: lines.joined(separator: "\n") + "\n")
        let all = result.stdout + result.stderr
        #expect(!all.contains(Self.escape), "\(all.filter { $0 == "\u{1B}" }.count) ESC bytes")
        #expect(!all.unicodeScalars.contains { $0.value == 0x07 || $0.value == 0x9B })
        #expect(all.contains("^[[2J"), "the text is shown, not dropped")
        let script = folder.url.appendingPathComponent("s\u{1B}[2J.txt")
        try "borow \u{1B}]0;x\u{07}\n".write(to: script, atomically: true, encoding: .utf8)
        let run = try PoolschoolProcess.run(["run", script.path])
        #expect(!(run.stdout + run.stderr).contains(Self.escape), "\(run.stderr)")
    }
}
