import Testing

@testable import Shell

/// Tab completion for the pool commands: presets, `compare`'s first word, `lab --pool`'s exercises.
@Suite struct PoolCompletionTests {
    let session = ShellSession(output: CapturedOutput(), home: ShellHome(path: "/tmp"))
    var completer: Completer { Completer(table: session.table) }

    func candidates(_ line: String) -> [String] {
        completer.candidates(for: CompletionRequest(lineBeforeCursor: line), session: session)
    }

    @Test func labPoolCompletesThePoolExercises() {
        #expect(candidates("lab --p") == ["--pool"])
        #expect(candidates("lab --pool w") == ["waiting-pool", "warm-up"])
        #expect(candidates("lab fan-in s") == ["session", "statement"], "a PgBouncer scenario still takes a mode")
    }

    @Test func compareAndConfigCompleteThePresets() {
        #expect(candidates("compare --pr") == ["--presets"])
        #expect(candidates("compare fix") == ["fixed-size-pool"])
        #expect(candidates("config pre") == ["preset="])
    }
}
