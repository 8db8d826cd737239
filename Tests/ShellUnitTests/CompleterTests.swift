import Testing

@testable import Shell

@Suite struct CompleterTests {
    let session = ShellSession(output: CapturedOutput(), home: ShellHome(path: "/tmp"))
    var completer: Completer { Completer(table: session.table) }

    @Test func splitsTheLineBeforeTheCursor() {
        #expect(CompletionRequest(lineBeforeCursor: "") == CompletionRequest(words: [], partial: ""))
        #expect(CompletionRequest(lineBeforeCursor: "he") == CompletionRequest(words: [], partial: "he"))
        #expect(CompletionRequest(lineBeforeCursor: "help ") == CompletionRequest(words: ["help"], partial: ""))
        #expect(CompletionRequest(lineBeforeCursor: "help bo") == CompletionRequest(words: ["help"], partial: "bo"))
    }

    @Test func completesCommandNamesAndAliases() {
        #expect(
            completer.candidates(for: CompletionRequest(lineBeforeCursor: "re"), session: session) == [
                "real", "release", "replay", "reset", "reset-progress",
            ])
        #expect(
            completer.candidates(for: CompletionRequest(lineBeforeCursor: "ex"), session: session) == [
                "exercises", "exit", "explain",
            ])
    }

    @Test func completesTheArgumentsOfHelp() {
        #expect(
            completer.candidates(for: CompletionRequest(lineBeforeCursor: "help bo"), session: session) == [
                "borrow"
            ])
        #expect(completer.candidates(for: CompletionRequest(lineBeforeCursor: "help borrow x"), session: session) == [])
    }

    @Test func offersNothingForUnknownCommands() {
        #expect(completer.candidates(for: CompletionRequest(lineBeforeCursor: "nope a"), session: session) == [])
    }

    @Test func neverOffersANameWithAControlCharacter() {
        session.execute("borrow as \u{1B}]2;x\u{07}")
        session.execute("borrow as ada")
        #expect(session.lab?.world.borrowerSummary.count == 2, "both borrowers exist in the world")
        #expect(completer.candidates(for: CompletionRequest(lineBeforeCursor: "release "), session: session) == ["ada"])
    }
}
