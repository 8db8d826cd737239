extension ShellCommand {
    static let quit = ShellCommand(
        name: "quit",
        aliases: ["exit", "q"],
        group: .meta,
        summary: "Leave the shell (progress is saved)",
        usage: "quit",
        details: "Leaves the shell. Your progress and history are saved first. Ctrl-D on an empty line does the same.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            session.requestQuit()
        }
    )
}
