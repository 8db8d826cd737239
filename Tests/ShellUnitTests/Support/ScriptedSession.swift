@testable import Shell

/// Drives a shell session in-process from input lines and returns everything it wrote.
struct ScriptedSession {
    let transcript: String
    let status: ExitStatus

    init(_ lines: [String], terminal: TerminalInfo = .plain, location: String? = nil) {
        let output = CapturedOutput()
        let session = ShellSession(terminal: terminal, output: output, home: ShellHome(path: "/nonexistent/home"))
        session.location = location
        status = ShellRunner.run(
            session, reader: ScriptLineReader(name: "session", text: lines.joined(separator: "\n")))
        transcript = output.text
    }
}
