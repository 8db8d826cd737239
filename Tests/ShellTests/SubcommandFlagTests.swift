import Foundation
import Testing

/// Every flag reaches the subcommand it was given to: the root command declares none that could take it.
@Suite(.timeLimit(.minutes(1))) struct SubcommandFlagTests {
    private static let workload = ["--pool-size", "5", "--arrival-rate", "100/s", "--hold-mean", "40ms"]

    /// `sim --json` without the wall-clock figure, which is the only thing allowed to differ between runs.
    private func simulate(seed: String) throws -> String {
        let result = try PoolschoolProcess.run(
            ["sim"] + Self.workload + ["--requests", "2000", "--seed", seed, "--json"])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.replacingOccurrences(
            of: #", "wall_ms": [0-9.e+-]+"#, with: "", options: .regularExpression)
    }

    @Test func simSeedNamesTheRun() throws {
        let first = try simulate(seed: "1")
        let second = try simulate(seed: "2")
        let third = try simulate(seed: "3")
        #expect(first.contains("\"completed\": 2000"))
        #expect(first != second && second != third && first != third, "different seeds must give different runs")
        #expect(try simulate(seed: "2") == second, "the same seed must give the same run")
    }

    @Test func theRootCommandHasNoOptionThatCouldTakeASubcommandsFlag() throws {
        let help = try PoolschoolProcess.run(["--help"])
        #expect(help.status == 0)
        #expect(help.stdout.contains("USAGE: poolschool <subcommand>"))
        let options =
            help.stdout.components(separatedBy: "OPTIONS:").last?.components(separatedBy: "SUBCOMMANDS:")
            .first ?? ""
        let names = options.split(separator: "\n").compactMap { $0.split(separator: " ").first.map(String.init) }
        #expect(names == ["--version", "-h,"], "root options: \(names)")
        #expect(help.stdout.contains("shell (default)"))
    }

    @Test func courseFlagsReachTheShellAndTheCourseSubcommands() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("lessons-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson = "---\nid: only\ntitle: The only lesson\norder: 1\nsources: [s.txt]\n---\n\nText.\n"
        try lesson.write(to: folder.appendingPathComponent("01-only.md"), atomically: true, encoding: .utf8)
        let lessons = try PoolschoolProcess.run(["lessons", "--lessons", folder.path, "--seed", "7"])
        #expect(lessons.stdout.contains("The only lesson") && !lessons.stdout.contains("01-why-pool"))
        let shell = try PoolschoolProcess.run(["--lessons", folder.path, "--seed", "7"], input: "lessons\n")
        #expect(shell.status == 0 && shell.stdout.contains("The only lesson"), "\(shell.stderr)")
        let named = try PoolschoolProcess.run(["shell", "--lessons", folder.path], input: "lessons\n")
        #expect(named.stdout.contains("The only lesson"))
        let script = folder.appendingPathComponent("script.txt")
        try "lessons\n".write(to: script, atomically: true, encoding: .utf8)
        let run = try PoolschoolProcess.run(["run", script.path, "--lessons", folder.path, "--seed", "7"])
        #expect(run.stdout.contains("The only lesson") && !run.stdout.contains("01-why-pool"))
    }
}
