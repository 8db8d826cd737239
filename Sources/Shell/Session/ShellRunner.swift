import Foundation

/// Feeds lines from a reader to a session until `quit` or the end of input, then saves.
enum ShellRunner {
    /// Runs the loop and returns the status the process should exit with.
    @discardableResult
    static func run(_ session: ShellSession, reader: LineReader) -> ExitStatus {
        if session.terminal.isInteractive {
            session.say(
                session.style.bold("poolschool \(PoolschoolVersion.current)")
                    + " — type 'help' for the commands, 'quit' or Ctrl-D to leave."
            )
            // Progress alone tells a first visit: no lesson opened yet (the lessons are not read for this).
            if let course = session.course, course.progress.lesson == nil {
                session.say("New here? Type 'next' to start the first lesson, or 'lessons' to see them all.")
            }
        }
        loop: while !session.quitRequested {
            session.refreshWidth()
            // A sub-prompt's keys (replay's n, p, q) would crowd the commands out of the history.
            switch reader.read(prompt: session.prompt, remember: session.subPrompt == nil) {
            case .line(let line):
                session.sourceLocation = reader.location
                _ = session.interrupt.consume()  // A Ctrl-C from before this command is stale.
                session.refreshWidth()
                session.execute(line)
            case .cancelled:
                // The terminal does not echo it in libedit's mode; show that the line was dropped.
                session.output.write("^C\n", error: false)
                // Ctrl-C in a sub-prompt (replay's stepper) leaves it, as its own quit key would.
                if let subPrompt = session.subPrompt {
                    session.subPrompt = nil
                    subPrompt.cancelled(in: session)
                }
            case .end:
                if session.terminal.isInteractive { session.say() }
                break loop
            }
        }
        session.sourceLocation = nil
        // The real servers a `real` command started end with the shell (quit, Ctrl-D, end of input).
        session.realServers?.stop()
        // A person who mistyped a command and then left on purpose has not failed: only scripts,
        // which cannot see the errors, need the worst status to stop on.
        return session.terminal.isInteractive ? .success : session.status
    }

    /// `poolschool run FILE`: the same as piping the file in, with errors pointing at its lines.
    static func runScript(atPath path: String, session: ShellSession) -> ExitStatus {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot be read" : "does not exist"
            return session.report("run: '\(Sanitizer.clean(path))' \(reason)", status: .usage)
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return session.report("run: '\(Sanitizer.clean(path))' is not UTF-8 text", status: .usage)
        }
        return run(session, reader: ScriptLineReader(name: path, text: text))
    }
}
