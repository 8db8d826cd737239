import Foundation
import Grading
import Testing

@testable import Shell

/// `replay` steps through a failing trace: one event, its actions and the pool's state per step; forward and
/// back at a terminal, every step in order on a pipe. The grader is a `FakeSwift` whose report holds `trace`.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct ReplayStepperTests {
    /// Four steps; the fourth breaks a rule. The second carries an escape sequence, as a learner's code could
    /// print into a trace.
    static let trace = [
        "t=0.000s pool starts (size 2, min idle 0)",
        "    state: no connections",
        "t=0.001s r1 asks to borrow",
        "    → open a connection \u{1B}]0;pwned\u{07}",
        "    state: c1 opening; waiting r1",
        "t=0.005s c1 opened",
        "    → lend c1 to r1",
        "    state: c1 lent to r1",
        "t=0.010s r2 asks to borrow",
        "    → lend c1 to r2",
        "t=0.010s INVARIANT VIOLATED: c1 is lent to r1 and r2 at once",
    ]

    static func fakeSwift() throws -> FakeSwift {
        let check = CheckResult(
            name: "never lends a connection twice", passed: false, message: "c1 lent twice", seed: 30001,
            trace: trace, cases: 1)
        return try FakeSwift(
            report: ExerciseReport(exercise: "waiting-pool", checks: [check]), exercise: "waiting-pool")
    }

    @Test func aTraceSplitsIntoStepsWithTheirStates() {
        let steps = TraceStep.split(Self.trace)
        #expect(steps.count == 4)
        #expect(steps.map(\.state) == ["no connections", "c1 opening; waiting r1", "c1 lent to r1", nil])
        #expect(steps[1].lines == ["t=0.001s r1 asks to borrow", "    → open a connection \u{1B}]0;pwned\u{07}"])
        #expect(steps.map(\.violated) == [false, false, false, true])
        #expect(steps[3].lines.last?.contains("INVARIANT VIOLATED") == true)
    }

    @Test func theStepperStaysInsideTheTraceAndLeavesOnQ() {
        let output = CapturedOutput()
        let session = ShellSession(
            terminal: TerminalInfo(isInteractive: true, width: 100, colour: false), output: output,
            home: ShellHome(path: FileManager.default.temporaryDirectory.appendingPathComponent("\(UUID())").path))
        let stepper = TraceStepper(steps: TraceStep.split(Self.trace))
        session.subPrompt = stepper
        session.execute("p")
        #expect(output.text.contains("This is the first step"))
        session.execute("g 9")
        #expect(output.text.contains("g takes a step number from 1 to 4"))
        session.execute("l")
        #expect(session.prompt == "replay 4/4 [n/p/g N/q]> ")
        session.execute("")
        #expect(output.text.contains("That was the last step"))
        session.execute("b")
        #expect(stepper.current == 2)
        session.execute("q")
        #expect(session.subPrompt == nil && session.prompt == "poolschool> ")
        // Lines are commands again.
        session.execute("version")
        #expect(output.text.hasSuffix("poolschool 0.1.0\n"))
    }

    @Test func onAPipeEveryStepIsPrintedWithItsStateAndTheShellGoesOn() throws {
        let fake = try Self.fakeSwift()
        defer { fake.remove() }
        let project = try StartedProject()
        defer { project.remove() }
        let result = try PoolschoolProcess.run(
            [], input: "replay waiting-pool 30001\nversion\n", environment: ["PATH": fake.path],
            directory: project.path)
        let out = result.stdout
        // Replaying builds first, and says so, as `check` does.
        #expect(out.contains("… building your exercises and their grader"))
        #expect(out.contains("waiting-pool, check 'never lends a connection twice', seed 30001 fails: c1 lent twice"))
        #expect(out.contains("4 steps; the rule broke at step 4.\nstep 1 of 4\n"))
        for number in 1...4 { #expect(out.contains("step \(number) of 4")) }
        #expect(out.contains("  state after: c1 opening; waiting r1"))
        #expect(out.contains("step 4 of 4: the rule broke here\n  t=0.010s r2 asks to borrow"))
        #expect(out.contains("  ✗ t=0.010s INVARIANT VIOLATED: c1 is lent to r1 and r2 at once"))
        // Steps come in order, and no key prompt waits on a pipe: the next line is a command again.
        let first = try #require(out.range(of: "step 1 of 4")), last = try #require(out.range(of: "step 4 of 4"))
        #expect(first.lowerBound < last.lowerBound)
        #expect(!out.contains("replay 1/4"))
        #expect(out.contains("poolschool 0.1.0"))
        // The learner's escape sequence is shown as text, never sent to the terminal.
        #expect(out.contains("open a connection ^[]0;pwned^G"))
        #expect(!out.contains("\u{1B}"))
    }

    @Test func aScriptGetsEveryStepToo() throws {
        let fake = try Self.fakeSwift()
        defer { fake.remove() }
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("replay-\(UUID().uuidString).txt")
        try "replay waiting-pool 30001\nversion\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let project = try StartedProject()
        defer { project.remove() }
        let result = try PoolschoolProcess.run(
            ["run", script.path], environment: ["PATH": fake.path], directory: project.path)
        #expect(result.stdout.contains("step 1 of 4") && result.stdout.contains("step 4 of 4: the rule broke here"))
        #expect(result.stdout.contains("poolschool 0.1.0"))
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"))
    func atATerminalTheStepperGoesForwardAndBack() throws {
        let fake = try Self.fakeSwift()
        defer { fake.remove() }
        let project = try StartedProject()
        defer { project.remove() }
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("replay-tty-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try Tmux(
            command: "cd '\(project.path)' && env PATH='\(fake.path)' "
                + "POOLSCHOOL_HOME='\(home.path)' TERM=xterm '\(PoolschoolProcess.executable.path)'",
            height: 50)
        defer { tmux.kill() }
        try tmux.waitFor("poolschool> ")
        tmux.type("replay waiting-pool 30001")
        tmux.keys("Enter")
        try tmux.waitFor("replay 1/4 [n/p/g N/q]> ")
        #expect(tmux.screen().contains("4 steps; the rule broke at step 4."))
        #expect(tmux.screen().contains("state after: no connections"))
        #expect(!tmux.screen().contains("step 2 of 4"))

        tmux.keys("Enter")
        try tmux.waitFor("replay 2/4 [n/p/g N/q]> ")
        #expect(tmux.screen().contains("state after: c1 opening; waiting r1"))

        tmux.type("p")
        tmux.keys("Enter")
        try tmux.waitFor("step 1 of 4", occurrences: 2)
        try tmux.waitFor("replay 1/4 [n/p/g N/q]> ")

        tmux.type("g 4")
        tmux.keys("Enter")
        try tmux.waitFor("step 4 of 4: the rule broke here")
        try tmux.waitFor("replay 4/4 [n/p/g N/q]> ")

        tmux.type("q")
        tmux.keys("Enter")
        try tmux.waitFor("Left the replay.\npoolschool> ")
        tmux.type("version")
        tmux.keys("Enter")
        try tmux.waitFor("poolschool 0.1.0")

        // The stepper's keys are not commands: Up at the shell's prompt recalls `version`, then the replay.
        let history = try String(contentsOf: home.appendingPathComponent("history"), encoding: .utf8)
        let remembered = history.split(separator: "\n").filter { !$0.hasPrefix("_HiStOrY_V2_") }
        #expect(remembered == ["replay\\040waiting-pool\\04030001", "version"], "history: \(remembered)")
        tmux.keys("Up")
        tmux.keys("Up")
        try tmux.waitFor("poolschool> replay waiting-pool 30001")
    }
}
