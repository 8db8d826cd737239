import Foundation
import Testing

/// The loop between lessons and exercises as a learner meets it through the real executable.
@Suite(.timeLimit(.minutes(1))) struct ExerciseLoopTests {
    let project: URL

    init() throws {
        project = FileManager.default.temporaryDirectory.appendingPathComponent("loop-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PoolschoolProcess.packageRoot.appendingPathComponent("Exercises"),
            to: project.appendingPathComponent("Exercises"))
        try git(["init", "-q"])
        try git(["add", "."])
        try git(["commit", "-q", "-m", "the course as shipped"])
    }

    func git(_ arguments: [String]) throws {
        let status = try Spawn.run(
            ["git", "-C", project.path, "-c", "user.name=learner", "-c", "user.email=l@example.com"] + arguments,
            environment: ProcessInfo.processInfo.environment)
        #expect(status == 0, "git \(arguments)")
    }

    /// The shell, started in the project folder, with `lines` piped in.
    func shell(_ lines: [String], home: URL) throws -> (stdout: String, stderr: String, status: Int32) {
        let scratch = project.appendingPathComponent(".scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        var environment = ProcessInfo.processInfo.environment
        environment["POOLSCHOOL_HOME"] = home.path
        environment["POOLSCHOOL_LESSONS"] = PoolschoolProcess.packageRoot.appendingPathComponent("Lessons").path
        let status = try Spawn.run(
            ["sh", "-c", "cd '\(project.path)' && exec '\(PoolschoolProcess.executable.path)'"],
            environment: environment, stdin: input.path, stdout: scratch.appendingPathComponent("out").path,
            stderr: scratch.appendingPathComponent("err").path)
        return (
            try String(contentsOf: scratch.appendingPathComponent("out"), encoding: .utf8),
            try String(contentsOf: scratch.appendingPathComponent("err"), encoding: .utf8), status
        )
    }

    @Test func resetPutsTheShippedStubBackAndKeepsTheLearnersFile() throws {
        let file = project.appendingPathComponent("Exercises/02-fixed-size-pool.swift")
        let stub = try String(contentsOf: file, encoding: .utf8)
        let work =
            stub.replacingOccurrences(of: "extension FixedSizePool: Unattempted {}\n", with: "")
            + "// my half-finished work\n"
        #expect(work != stub)
        try work.write(to: file, atomically: true, encoding: .utf8)
        try git(["commit", "-q", "-am", "my work so far"])  // Even committed work is not the stub.
        let home = project.appendingPathComponent("home")

        let result = try shell(["exercises", "reset fixed-size-pool", "reset fixed-size-pool", "progress"], home: home)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOf: file, encoding: .utf8) == stub)
        #expect(result.stdout.contains("Exercises/02-fixed-size-pool.swift is the shipped stub again (not started)."))
        #expect(
            result.stdout.contains("Exercises/02-fixed-size-pool.swift is already the shipped stub; nothing changed."))
        #expect(
            result.stdout.contains("0 of 8 exercises passed, 1 started."),
            "before the reset, the learner had started it")
        #expect(result.stdout.contains("Exercises: 0 of 8 exercises passed, 0 started."), "\(result.stdout)")
        let backups = try FileManager.default.contentsOfDirectory(atPath: home.appendingPathComponent("backups").path)
        #expect(backups.count == 1 && backups[0].hasPrefix("02-fixed-size-pool.swift."))
        let kept = try String(contentsOf: home.appendingPathComponent("backups/\(backups[0])"), encoding: .utf8)
        #expect(kept == work)
    }

    @Test func resetOfAnUnknownExerciseIsAUsageError() throws {
        let result = try shell(["reset fixed-size-pol"], home: project.appendingPathComponent("home"))
        #expect(result.stderr.contains("no exercise named 'fixed-size-pol'; did you mean 'fixed-size-pool'?"))
        #expect(result.status == 2)
    }

    @Test func lessonsLeadToTheirExerciseAndToTheNextLesson() throws {
        let home = project.appendingPathComponent("home")
        let result = try shell(["next"], home: project.appendingPathComponent("first-visit"))
        #expect(result.stdout.hasPrefix("Why pool connections at all — page 1 of"), "next starts the first lesson")
        let lastOfThree = try shell(["open 03-borrow-and-backpressure", "page 5"], home: home).stdout
        #expect(lastOfThree.contains("Exercise for this lesson:"))
        #expect(lastOfThree.contains("check fixed-size-pool"))
        #expect(lastOfThree.contains("next opens 04-sizing-formulas"))
        let opened = try shell(["open 03-borrow-and-backpressure", "page 5", "next"], home: home).stdout
        #expect(
            opened.contains("Sizing formulas, from cores to Little's law — page 1 of"),
            "next at a lesson's end opens the next lesson: \(opened.suffix(300))")
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"))
    func watchFollowsTheFileSavedLastAndTakesKeys() throws {
        let home = project.appendingPathComponent("home")
        let tmux = try Tmux(
            command:
                "cd '\(project.path)' && env POOLSCHOOL_HOME='\(home.path)' TERM=xterm '\(PoolschoolProcess.executable.path)' watch; echo exit status $?; sleep 30",
            width: 120, height: 40)
        defer { tmux.kill() }
        // Nothing started yet: the first exercise (not started exercises are told how to begin, without a build).
        try tmux.waitFor("watching sizing-arithmetic")
        #expect(tmux.screen().contains("0 of 8 exercises passed, 0 started"))

        // The learner saves exercise 03: watch follows it.
        let file = project.appendingPathComponent("Exercises/03-waiting-pool.swift")
        let text = try String(contentsOf: file, encoding: .utf8)
        try (text + "// thinking\n").write(to: file, atomically: true, encoding: .utf8)
        try tmux.waitFor("Checking waiting-pool (Exercises/03-waiting-pool.swift)")
        try tmux.waitFor("watching waiting-pool")

        #expect(tmux.screen().contains("h hint · l list · r reset · q quit"))
        #expect(!tmux.screen().contains("then Enter"), "at a terminal a key is enough")

        // Single keys, no Enter, and not echoed.
        tmux.type("h")
        try tmux.waitFor("Hint 1 of")
        tmux.type("l")
        try tmux.waitFor("waiting-pool  not started  Exercises/03-waiting-pool.swift")
        #expect(!tmux.screen().contains("\nh\n") && !tmux.screen().contains("\nl\n"), "keys are not echoed")
        tmux.type("q")
        try tmux.waitFor("exit status 0")
        // The terminal is given back as it was: what is typed now is echoed again.
        tmux.type("echo-is-back")
        try tmux.waitFor("echo-is-back")
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"))
    func ctrlCInWatchGivesTheTerminalBack() throws {
        let home = project.appendingPathComponent("home-ctrl-c")
        // An interactive shell, as a learner has: Ctrl-C ends the job, not the shell that started it.
        let tmux = try Tmux(
            command: "cd '\(project.path)' && env PS1='$ ' TERM=xterm bash --norc --noprofile -i", width: 120,
            height: 40)
        defer { tmux.kill() }
        try tmux.waitFor("$ ")
        tmux.type(
            "POOLSCHOOL_HOME='\(home.path)' '\(PoolschoolProcess.executable.path)' watch")
        tmux.keys("Enter")
        try tmux.waitFor("watching sizing-arithmetic")
        tmux.keys("C-c")
        try tmux.waitFor("$ ", occurrences: 2)
        // Echo is back (the typed line shows), and watch died of the signal, as a program stopped by Ctrl-C does.
        tmux.type("echo status $?")
        tmux.keys("Enter")
        try tmux.waitFor("$ echo status $?\nstatus 130")
    }
}
