import Testing

@testable import Shell

@Suite struct ShellSessionTests {
    @Test func unknownCommandSuggestsTheClosestByEditDistance() {
        let run = ScriptedSession(["borow"])
        #expect(run.transcript == "session:1: unknown command 'borow'; did you mean 'borrow'?\n")
        #expect(run.status == .failure)
    }

    @Test func unknownCommandWithNothingCloseSaysHowToListCommands() {
        let run = ScriptedSession(["xyzzy"])
        #expect(run.transcript == "session:1: unknown command 'xyzzy'; type 'help' to list the commands\n")
    }

    @Test func wrongArgumentsGiveWhatWasWrongThenTheUsageLine() {
        let run = ScriptedSession(["help a b"])
        #expect(
            run.transcript == """
                session:1: help: expected at most one command name, got 2
                usage: help [COMMAND]

                """)
        #expect(run.status == .usage)
    }

    @Test func usageErrorOutranksFailureInTheExitStatus() {
        #expect(ScriptedSession(["quit now", "borow"]).status == .usage)
        #expect(ScriptedSession(["borow", "version"]).status == .failure)
    }

    @Test func helpListsEveryGroupInOrderWithEveryCommand() throws {
        let run = ScriptedSession(["help"])
        let text = run.transcript
        let positions = try ["Course\n", "Lab\n", "Exercises\n", "Meta\n"].map { heading in
            try #require(text.range(of: heading)).lowerBound
        }
        #expect(positions == positions.sorted())
        for command in CommandTable.standard.commands {
            // A usage too long for the column stands on a line of its own, its summary below.
            #expect(
                text.contains("  \(command.usage) ") || text.contains("  \(command.usage)\n"),
                "help is missing \(command.name)")
        }
        #expect(!text.contains("\u{1B}"))
        #expect(run.status == .success)
    }

    @Test func helpForOneCommandShowsUsageAliasesAndDetails() {
        let run = ScriptedSession(["help exit"])
        #expect(run.transcript.hasPrefix("quit — Leave the shell (progress is saved)\nusage: quit\naliases: exit, q\n"))
        #expect(
            run.transcript.hasSuffix(
                "\nLeaves the shell. Your progress and history are saved first. Ctrl-D on an empty\nline does the same.\n"
            ))
    }

    @Test func helpForAnUnknownCommandFailsWithASuggestion() {
        let run = ScriptedSession(["help borow"])
        #expect(run.transcript == "session:1: unknown command 'borow'; did you mean 'borrow'?\n")
        #expect(run.status == .failure)
    }

    @Test func quitStopsReadingAndLaterLinesDoNotRun() {
        let run = ScriptedSession(["version", "quit", "borow"])
        #expect(run.transcript == "poolschool \(PoolschoolVersion.current)\n")
        #expect(run.status == .success)
    }

    @Test func blankLinesAndCommentsDoNothing() {
        let run = ScriptedSession(["", "   ", "# a comment", "  # indented comment", "version"])
        #expect(run.transcript == "poolschool \(PoolschoolVersion.current)\n")
    }

    @Test func anUnterminatedQuoteIsAUsageError() {
        let run = ScriptedSession(["help 'quit"])
        #expect(run.transcript == "session:1: unterminated single quote; close it with '\n")
        #expect(run.status == .usage)
    }

    @Test func controlSequencesTypedByTheLearnerAreNeverEchoed() {
        let run = ScriptedSession(["bor\u{1B}[2Jrow"])
        #expect(!run.transcript.contains("\u{1B}"))
        #expect(run.transcript.contains("bor^[[2Jrow"))
    }

    @Test func promptSaysWhereTheLearnerIs() {
        let session = ShellSession(output: CapturedOutput(), home: ShellHome(path: "/tmp"))
        #expect(session.prompt == "poolschool> ")
        session.location = "02-backpressure 3/7"
        #expect(session.prompt == "poolschool [02-backpressure 3/7]> ")
    }

    @Test func errorsAreRedOnlyWhenColourIsOn() {
        let coloured = ScriptedSession(["borow"], terminal: TerminalInfo(isInteractive: false, width: 80, colour: true))
        #expect(coloured.transcript.contains("\u{1B}[31m"))
        #expect(!ScriptedSession(["borow"]).transcript.contains("\u{1B}"))
    }
}
