import PoolWorld

extension ShellCommand {
    static let help = ShellCommand(
        name: "help",
        aliases: ["?"],
        group: .meta,
        summary: "List the commands, or explain one",
        usage: "help [COMMAND]",
        details: """
            With no argument, lists every command by group. With a command's name (or alias), shows its \
            usage line, its aliases and what it does.
            """,
        complete: { request, session in
            request.argumentIndex == 0 ? session.table.commands.map(\.name) : []
        },
        run: { arguments, session throws(ShellError) in
            switch arguments.count {
            case 0:
                // Pipes and files get one line per command, as before: only a terminal has a width.
                let width = session.terminal.isInteractive ? session.terminal.width : Int.max
                session.output.write(HelpText.overview(session.table, style: session.style, width: width), error: false)
            case 1:
                guard let command = session.table.command(named: arguments[0]) else {
                    throw .failed(session.table.unknownCommandMessage(arguments[0]))
                }
                session.say(HelpText.header(command, style: session.style))
                session.render(markdown: command.details)
            default:
                throw .usage("expected at most one command name, got \(arguments.count)")
            }
        }
    )
}

/// The text `help` prints, kept apart from the command so tests and `--help` can share it.
enum HelpText {
    /// Usage and summary side by side; a usage too long for the left column gets a line of its own,
    /// with its summary on the next, so nothing runs past `width`.
    static func overview(_ table: CommandTable, style: Style, width: Int = .max) -> String {
        // A pipe has no width, but one very long usage (`real […]`) must not push every summary far right.
        let column = min(table.commands.map(\.usage.count).max() ?? 0, max(12, min(width, 100) / 2 - 4))
        var text = ""
        for group in CommandGroup.allCases {
            let commands = table.commands(in: group)
            guard !commands.isEmpty else { continue }
            text += style.bold(group.title) + "\n"
            for command in commands {
                let padding = String(repeating: " ", count: max(0, column - command.usage.count) + 2)
                let line = "  " + command.usage + padding + command.summary
                if command.usage.count <= column, line.count <= width {
                    text += line + "\n"
                } else if command.usage.count <= column {
                    text += LineFitter.fitLine(line, width: width, hanging: column + 4) + "\n"
                } else {
                    text += LineFitter.fitLine("  " + command.usage, width: width) + "\n"
                    let indent = String(repeating: " ", count: column + 4)
                    text += LineFitter.fitLine(indent + command.summary, width: width) + "\n"
                }
            }
            text += "\n"
        }
        let closing = "Type 'help COMMAND' for more on one command. " + ModelledVersions.sentence
        return text + LineFitter.fitLine(closing, width: width) + "\n"
    }

    static func header(_ command: ShellCommand, style: Style) -> String {
        var lines = [style.bold(command.name) + " — " + command.summary, "usage: " + command.usage]
        if !command.aliases.isEmpty {
            lines.append("aliases: " + command.aliases.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
