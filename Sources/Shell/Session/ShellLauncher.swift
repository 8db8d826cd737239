/// Builds the session and reader the real process needs, so the executable stays a thin face.
public enum ShellLauncher {
    /// `poolschool` with no arguments: the line editor on a terminal, plain lines otherwise.
    public static func interactive(environment: [String: String]) -> ExitStatus {
        let terminal = TerminalInfo.detect(environment: environment)
        let home = ShellHome.resolve(environment: environment)
        let session = ShellSession(
            terminal: terminal, output: StandardOutput(), home: home, interrupt: InterruptSignal.flag)
        guard terminal.isInteractive else {
            return ShellRunner.run(session, reader: PlainLineReader())
        }
        var historyFile: String? = home.historyFile
        do {
            try home.ensureExists()
        } catch {
            // No home means no saved history, not no shell.
            session.report("\(error.message); history will not be kept", status: .success)
            historyFile = nil
        }
        let completer = Completer(table: session.table)
        let reader = EditLineReader(historyFile: historyFile) { before, word in
            completer.candidates(
                for: CompletionRequest(words: CompletionRequest(lineBeforeCursor: before).words, partial: word),
                session: session)
        }
        return ShellRunner.run(session, reader: reader)
    }

    /// `poolschool run FILE`.
    public static func script(path: String, environment: [String: String]) -> ExitStatus {
        let session = ShellSession(
            terminal: TerminalInfo(
                isInteractive: false,
                width: TerminalInfo.currentWidth(environment: environment, outputIsTTY: false),
                colour: false),
            output: StandardOutput(),
            home: ShellHome.resolve(environment: environment))
        return ShellRunner.runScript(atPath: path, session: session)
    }
}
