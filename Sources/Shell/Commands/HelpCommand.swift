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
            case 0: session.output.write(HelpText.overview(session.table, style: session.style), error: false)
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
    static func overview(_ table: CommandTable, style: Style) -> String {
        let usageWidth = table.commands.map(\.usage.count).max() ?? 0
        var text = ""
        for group in CommandGroup.allCases {
            let commands = table.commands(in: group)
            guard !commands.isEmpty else { continue }
            text += style.bold(group.title) + "\n"
            for command in commands {
                let padding = String(repeating: " ", count: usageWidth - command.usage.count + 2)
                text += "  " + command.usage + padding + command.summary + "\n"
            }
            text += "\n"
        }
        return text + "Type 'help COMMAND' for more on one command. " + ModelledVersions.sentence + "\n"
    }

    static func header(_ command: ShellCommand, style: Style) -> String {
        var lines = [style.bold(command.name) + " — " + command.summary, "usage: " + command.usage]
        if !command.aliases.isEmpty {
            lines.append("aliases: " + command.aliases.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
