import Foundation
import Testing

@testable import Shell

/// The non-terminal path end to end: the real executable, pipes, files and exit codes.
@Suite(.timeLimit(.minutes(1))) struct ProcessTests {
    @Test func helpThenQuitPrintsGroupedHelpWithNoEscapesAndExitsZero() throws {
        let result = try PoolschoolProcess.run([], input: "help\nquit\n")
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("Course\n  lessons "))
        #expect(result.stdout.contains("\nLab\n") && result.stdout.contains("\nExercises\n"))
        #expect(result.stdout.contains("\nMeta\n"))
        #expect(!result.stdout.contains("\u{1B}") && !result.stderr.contains("\u{1B}"))
        #expect(!result.stdout.contains("poolschool>"), "no prompt when input is not a terminal")
        #expect(result.stderr.isEmpty)
        // One long usage (real's) takes a line of its own instead of pushing every summary to the far right.
        let lessons = try #require(result.stdout.split(separator: "\n").first { $0.hasPrefix("  lessons ") })
        #expect(lessons.count < 100, "\(lessons.count) columns: \(lessons)")
    }

    @Test func aTypoGetsTheSuggestionAndExitsOne() throws {
        let result = try PoolschoolProcess.run([], input: "borow\n")
        #expect(result.stderr == "unknown command 'borow'; did you mean 'borrow'?\n")
        #expect(result.status == 1)
    }

    @Test func aUsageErrorExitsTwo() throws {
        let result = try PoolschoolProcess.run([], input: "help a b\nversion\n")
        #expect(result.status == 2)
        #expect(result.stdout == "poolschool \(PoolschoolVersion.current)\n", "later lines still run")
    }

    @Test func endOfInputLeavesLikeQuit() throws {
        let result = try PoolschoolProcess.run([], input: "version")
        #expect(result.status == 0)
        #expect(result.stdout == "poolschool \(PoolschoolVersion.current)\n")
    }

    @Test func versionFlagPrintsTheVersion() throws {
        let result = try PoolschoolProcess.run(["--version"])
        #expect(result.stdout == PoolschoolVersion.current + "\n")
        #expect(result.status == 0)
    }

    @Test func runFileSkipsCommentsAndPointsErrorsAtTheirLines() throws {
        let script = FileManager.default.temporaryDirectory.appendingPathComponent("script-\(UUID().uuidString).txt")
        try "# warm up\nversion\n\nborow\n".write(to: script, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: script) }
        let result = try PoolschoolProcess.run(["run", script.path])
        #expect(result.stdout == "poolschool \(PoolschoolVersion.current)\n")
        #expect(result.stderr == "\(script.path):4: unknown command 'borow'; did you mean 'borrow'?\n")
        #expect(result.status == 1)
    }

    @Test func runOfAMissingFileIsAUsageError() throws {
        let result = try PoolschoolProcess.run(["run", "/no/such/file.txt"])
        #expect(result.stderr == "run: '/no/such/file.txt' does not exist\n")
        #expect(result.status == 2)
    }

    @Test func anUnknownSubcommandOrFlagIsAUsageError() throws {
        let subcommand = try PoolschoolProcess.run(["bogus"])
        #expect(subcommand.status == 2)
        #expect(subcommand.stderr.contains("Unexpected argument 'bogus'"))
        let flag = try PoolschoolProcess.run(["run"])
        #expect(flag.status == 2)
        #expect(flag.stderr.contains("Missing expected argument '<file>'"))
    }

    @Test func exerciseSubcommandsCheckTheirArgumentsFirst() throws {
        let check = try PoolschoolProcess.run(["check", "fixed-size-pol"])
        #expect(check.status == 2)
        #expect(check.stderr.contains("no exercise named 'fixed-size-pol'; did you mean 'fixed-size-pool'?"))
        let grade = try PoolschoolProcess.run(["grade"])
        #expect(grade.status == 2)
        #expect(grade.stderr.contains("name a file with --json FILE or --junit FILE"))
    }

    @Test(arguments: ["run", "lessons", "lint", "check", "watch", "sim", "grade", "start"])
    func everySubcommandHasHelp(name: String) throws {
        let result = try PoolschoolProcess.run([name, "--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("USAGE: poolschool \(name)"))
    }

    @Test func lintPointsAtEachProblemAndExitsOne() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = "---\nid: a\ntitle: A\norder: 1\nsources: [s.txt]\n---\n\n```qestion\nid: q\n```\n"
        try lesson.write(to: folder.appendingPathComponent("01-a.md"), atomically: true, encoding: .utf8)
        let result = try PoolschoolProcess.run(["lint", folder.path])
        #expect(result.status == 1)
        #expect(
            result.stdout.hasPrefix("\(folder.path)/01-a.md:8: unknown block kind 'qestion'; did you mean 'question'?"))
        #expect(result.stderr == "1 lesson file(s), 0 question(s), 1 problem(s)\n")
    }

    @Test func theShippedLessonsLintCleanAndAreListed() throws {
        let folder = PoolschoolProcess.packageRoot.appendingPathComponent("Lessons").path
        let lint = try PoolschoolProcess.run(["lint", "--lessons", folder])
        #expect(lint.status == 0, "\(lint.stdout)")
        let list = try PoolschoolProcess.run(["lessons", "--lessons", folder])
        #expect(list.status == 0)
        #expect(list.stdout.contains("01-why-pool"))
    }

    @Test func hashAnswerPrintsAKeyAndNeedsASalt() throws {
        let result = try PoolschoolProcess.run(["lint", "--hash-answer", "abc", "--salt", ""])
        #expect(result.status == 2)
        let hashed = try PoolschoolProcess.run(["lint", "--hash-answer", "c", "--salt", "pepper", "--kind", "choice"])
        #expect(hashed.status == 0 && hashed.stdout.hasPrefix("sha256:") && hashed.stdout.count == 72)
    }
}
