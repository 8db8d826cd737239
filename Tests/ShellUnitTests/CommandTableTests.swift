import Testing

@testable import Shell

@Suite struct CommandTableTests {
    let table = CommandTable.standard

    @Test func everyCommandDescribesItself() {
        for command in table.commands {
            #expect(!command.summary.isEmpty, "\(command.name) has no summary")
            #expect(!command.details.isEmpty, "\(command.name) has no details")
            #expect(
                command.usage == command.name || command.usage.hasPrefix(command.name + " "),
                "\(command.name)'s usage line must start with its name")
        }
    }

    @Test func namesAndAliasesFindTheSameCommand() {
        #expect(table.command(named: "quit")?.name == "quit")
        #expect(table.command(named: "exit")?.name == "quit")
        #expect(table.command(named: "Q")?.name == "quit")
        #expect(table.command(named: "nope") == nil)
    }

    @Test func theLaterPartsCommandsAreRegisteredNow() {
        for name in [
            "lab", "config", "borrow", "release", "leak", "query", "advance", "burst", "load", "fault",
            "stats", "events", "lessons", "open", "next", "back", "page", "answer", "hint", "explain", "progress",
            "search", "reset-progress", "exercises", "check", "solution", "replay",
        ] {
            #expect(table.command(named: name) != nil, "\(name) is not registered")
        }
    }

    @Test func everyGroupHasCommands() {
        for group in CommandGroup.allCases {
            #expect(!table.commands(in: group).isEmpty, "\(group) is empty")
        }
    }
}
