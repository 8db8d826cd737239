import Foundation
import Testing

/// `start EXERCISE` as a learner meets it through the real executable: it seeds an exercise from their own
/// passing pool of the one it builds on, keeps a backup, and refuses what it must refuse.
@Suite(.timeLimit(.minutes(1))) struct StartExerciseTests {
    let project: URL
    let home: URL

    init() throws {
        project = FileManager.default.temporaryDirectory.appendingPathComponent("start-\(UUID().uuidString)")
        home = project.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: project, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PoolschoolProcess.packageRoot.appendingPathComponent("Exercises"),
            to: project.appendingPathComponent("Exercises"))
        // The learner's exercise 3: the reference pool, plus a top-level helper type and a private one.
        let mine =
            try String(
                contentsOf: PoolschoolProcess.packageRoot.appendingPathComponent("Solutions/03-waiting-pool.swift"),
                encoding: .utf8)
            + "\nstruct Line {\n    var waiting: [WaitingPool.Waiter] = []\n}\n\nprivate struct Note {}\n"
        try mine.write(to: file("03-waiting-pool"), atomically: true, encoding: .utf8)
    }

    func file(_ name: String) -> URL { project.appendingPathComponent("Exercises/\(name).swift") }

    func text(_ name: String) throws -> String { try String(contentsOf: file(name), encoding: .utf8) }

    func passed(_ names: [String]) throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let list = names.map { "\"\($0)\"" }.joined(separator: ", ")
        try Data("{\"passed\": [\(list)], \"hintsShown\": {}}".utf8).write(
            to: home.appendingPathComponent("exercises.json"))
    }

    /// `poolschool ARGUMENTS` (or the shell, with `lines` piped in) in the project folder.
    func poolschool(_ arguments: [String], lines: [String] = []) throws -> (
        stdout: String, stderr: String, status: Int32
    ) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("start-io-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let input = scratch.appendingPathComponent("in")
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: input)
        var environment = ProcessInfo.processInfo.environment
        environment["POOLSCHOOL_HOME"] = home.path
        environment["POOLSCHOOL_LESSONS"] = PoolschoolProcess.packageRoot.appendingPathComponent("Lessons").path
        let quoted = arguments.map { "'\($0)'" }.joined(separator: " ")
        let status = try Spawn.run(
            ["sh", "-c", "cd '\(project.path)' && exec '\(PoolschoolProcess.executable.path)' \(quoted)"],
            environment: environment, stdin: input.path, stdout: scratch.appendingPathComponent("out").path,
            stderr: scratch.appendingPathComponent("err").path)
        return (
            try String(contentsOf: scratch.appendingPathComponent("out"), encoding: .utf8),
            try String(contentsOf: scratch.appendingPathComponent("err"), encoding: .utf8), status
        )
    }

    func backups() -> [URL] {
        let folder = home.appendingPathComponent("backups")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.map { folder.appendingPathComponent($0) }
    }

    @Test func startSeedsTheExerciseFromThePassingOneItBuildsOn() throws {
        try passed(["fixed-size-pool", "waiting-pool"])
        let stub = try text("04-leak-detection")
        let result = try poolschool(["start", "leak-detection"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Exercises/04-leak-detection.swift now holds your WaitingPool"))

        let seeded = try text("04-leak-detection")
        #expect(seeded.hasPrefix("// Exercise 4: leak detection."), "the new exercise's instructions come first")
        #expect(seeded.contains("struct LeakDetectingPool: PoolExercise {"))
        #expect(seeded.contains("mutating func handle(_ event: PoolEvent"), "the learner's code came along")
        #expect(!seeded.contains("WaitingPool"), "every use of the old type is renamed")
        #expect(seeded.contains("struct LeakDetectingPoolLine {"), "a helper type is renamed so both files compile")
        #expect(seeded.contains("var waiting: [LeakDetectingPool.Waiter]"))
        #expect(seeded.contains("private struct Note {}"), "a private type cannot clash, so it keeps its name")
        #expect(!seeded.contains("LeakDetectingPool: Unattempted {}"), "the exercise is started")
        #expect(!seeded.contains("// Exercise 3"), "the old exercise's instructions are gone")
        let kept = try #require(backups().first, "the stub it replaced is kept")
        #expect(try String(contentsOf: kept, encoding: .utf8) == stub)
    }

    @Test func startRefusesToReplaceWorkInProgressWithoutForce() throws {
        try passed(["waiting-pool"])
        #expect(try poolschool(["start", "warm-up"]).status == 0)
        let work = try text("06-warm-up") + "// my own additions\n"
        try work.write(to: file("06-warm-up"), atomically: true, encoding: .utf8)

        let refused = try poolschool(["start", "warm-up"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("Exercises/06-warm-up.swift is already started"))
        #expect(refused.stderr.contains("`start warm-up --force`"))
        #expect(try text("06-warm-up") == work, "nothing changed")

        let forced = try poolschool(["start", "warm-up", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(!(try text("06-warm-up")).contains("// my own additions"))
        let kept = try backups().map { try String(contentsOf: $0, encoding: .utf8) }
        #expect(kept.contains(work), "the work it replaced is kept")
    }

    @Test func startNeedsThePreviousExerciseToHavePassed() throws {
        try passed(["fixed-size-pool"])
        let stub = try text("05-stale-connections")
        let result = try poolschool(["start", "stale-connections"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("stale-connections starts from your waiting-pool once it passes"))
        #expect(try text("05-stale-connections") == stub)
        #expect(backups().isEmpty)
    }

    @Test func anExerciseThatBuildsOnNothingOrNoExerciseIsRefused() throws {
        try passed(["waiting-pool"])
        let alone = try poolschool(["start", "multiplexer"])
        #expect(alone.status == 1)
        #expect(alone.stderr.contains("multiplexer does not build on another exercise"))
        let unknown = try poolschool(["start", "leak-detecton"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("did you mean 'leak-detection'?"))
    }

    @Test func theShellsStartDoesTheSame() throws {
        try passed(["waiting-pool"])
        let result = try poolschool([], lines: ["start leak-detection", "start leak-detection"])
        #expect(result.status == 1, "the second start is refused, so the piped session fails")
        #expect(result.stdout.contains("now holds your WaitingPool"))
        #expect((result.stdout + result.stderr).contains("is already started"))
        #expect(try text("04-leak-detection").contains("struct LeakDetectingPool: PoolExercise {"))
    }
}
