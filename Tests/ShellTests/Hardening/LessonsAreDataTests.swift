import Foundation
import Testing

/// A lesson is data: `poolschool lint` never runs a program, writes a file, overflows the stack or takes
/// long, whatever a lesson file says, and says what is wrong on one line at its place.
@Suite(.timeLimit(.minutes(2))) struct LessonsAreDataTests {
    /// `FILE.md:LINE: message` with a line of at least 1.
    static func isDiagnostic(_ line: String) -> Bool {
        guard let range = line.range(of: ".md:") else { return false }
        let rest = line[range.upperBound...]
        let number = rest.prefix { $0.isNumber }
        return (Int(number) ?? 0) >= 1 && rest.dropFirst(number.count).hasPrefix(": ")
    }

    @Test(arguments: [
        "load --arrival-rate 10/s --requests 10 --svg ../../evil.svg", "load --arrival-rate 10/s \"--svg\" x.svg",
        "check", "replay waiting-pool 1", "solution waiting-pool", "\"check\"", "run /etc/passwd", "reset-progress",
        "lab reservation-desk", "open x", "quit",
    ])
    func aDisallowedStepIsReportedAtItsLineAndNeverRuns(step: String) throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let marker = folder.url.appendingPathComponent("evil.svg")
        let escaped = step.replacingOccurrences(of: "\"", with: "\\\"")
        try folder.write(
            "t", body: "Text.\n\n```lab\nscenario: reservation-desk\nsteps:\n  - burst 20\n  - \"\(escaped)\"\n```\n")
        let (lines, status) = try folder.lint()
        #expect(status == 1)
        let line = try #require(lines.first { $0.hasPrefix(folder.path + "/t.md:13: lab step") }, "\(lines)")
        #expect(line.contains("config, borrow") || line.contains("writes a file"), "\(line)")
        #expect(!FileManager.default.fileExists(atPath: marker.path))
        #expect(
            !FileManager.default.fileExists(
                atPath: folder.url.deletingLastPathComponent().appendingPathComponent("evil.svg").path))
    }

    @Test func deepAndLongExpressionsAreRefusedNotOverflowed() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let deep = String(repeating: "(", count: 5_000) + "1" + String(repeating: ")", count: 5_000)
        let long = Array(repeating: "1", count: 10_000).joined(separator: "+")
        let signs = String(repeating: "-", count: 5_000) + "1"
        var body = ""
        for (index, answer) in [deep, long, signs].enumerated() {
            body += "```question\nid: q\(index)\nkind: numeric\nprompt: p\nanswer: =\(answer)\n```\n\n---\n\n"
        }
        try folder.write("t", body: body)
        let (lines, status) = try folder.lint()
        #expect(status == 1)
        #expect(lines.contains { $0.contains("t.md:11: ") && $0.contains("at most 400") }, "\(lines)")
        #expect(lines.count == 3, "\(lines)")
        // The shell reads the same lessons at start-up, and starts.
        let shell = try PoolschoolProcess.run(["--lessons", folder.path], input: "lessons\nquit\n")
        #expect(shell.stdout.contains("t"))
    }

    @Test func paramRangesAreBoundedAndFinite() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        try folder.write(
            "t",
            body: "```params\nhuge = 0..1e300\nmany = 0..1e9 step 1\nnan = nan..nan\ntiny = 0..1 step 1e-300\n```\n")
        let (lines, _) = try folder.lint()
        #expect(lines.count == 4, "\(lines)")
        #expect(
            lines.allSatisfy { $0.contains("params:") && $0.contains("at most") || $0.contains("finite") }, "\(lines)")
    }

    @Test func yamlAliasBombsAndDeepNestingAreRefusedQuickly() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        var bomb =
            "```question\nid: q\nkind: choice\nprompt: p\nanswer: a\nchoices: [x, y]\nitems:\n  - &a [lol, lol]\n"
        for level in 1..<12 {
            bomb +=
                "  - &\(Character(UnicodeScalar(97 + level)!)) [*\(Character(UnicodeScalar(96 + level)!)), *\(Character(UnicodeScalar(96 + level)!))]\n"
        }
        bomb +=
            "```\n\n---\n\n```question\nid: r\nkind: numeric\nprompt: " + String(repeating: "[", count: 5_000)
            + "\n```\n"
        try folder.write("t", body: bomb)
        let (lines, status) = try folder.lint()
        #expect(status == 1)
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "t.md:14: YAML anchors and aliases ('&name', '*name') are not accepted; write the value out"
                )
            }, "\(lines)")
        #expect(lines.contains { $0.contains("levels deep") }, "\(lines)")
    }

    @Test func tenThousandQuestionsAreCappedWithOneMessage() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let question = "```question\nid: q%d\nkind: numeric\nprompt: p\nanswer: 1\n```\n"
        let body = (0..<10_000).map { question.replacingOccurrences(of: "%d", with: "\($0)") }.joined()
        try folder.write("t", body: body)
        let (lines, _) = try folder.lint()
        #expect(lines.filter { $0.contains("more than 200 questions") }.count == 1, "\(lines.prefix(3))")
    }

    @Test func everyMessageIsOneLineEvenForYAMLErrorsAndOddFiles() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        try folder.write("a", body: "```question\nid: [unclosed\nkind: : :\n```\n")
        try FileManager.default.createSymbolicLink(
            atPath: folder.url.appendingPathComponent("b.md").path, withDestinationPath: "/nonexistent/lesson.md")
        #expect(mkfifo(folder.url.appendingPathComponent("c.md").path, 0o600) == 0)
        try FileManager.default.createDirectory(
            at: folder.url.appendingPathComponent("d.md"), withIntermediateDirectories: false)
        try Data(count: 2 << 20).write(to: folder.url.appendingPathComponent("e.md"))
        let (lines, status) = try folder.lint()
        #expect(status == 1)
        #expect(lines.allSatisfy(Self.isDiagnostic), "\(lines)")
        #expect(
            lines.contains(
                "\(folder.path)/b.md:1: is a symbolic link to '/nonexistent/lesson.md', which does not exist"))
        #expect(lines.contains("\(folder.path)/c.md:1: is a FIFO (named pipe), not a file"))
        #expect(lines.contains("\(folder.path)/d.md:1: is a folder, not a file"))
        #expect(lines.contains("\(folder.path)/e.md:1: is 2097152 bytes; at most 1048576 are read"))
        #expect(
            lines.contains { $0.hasPrefix("\(folder.path)/a.md:9: not valid YAML: did not find expected") }, "\(lines)")
        let missing = try PoolschoolProcess.run(["lint", folder.path + "/gone.md"])
        #expect(missing.stdout == "\(folder.path)/gone.md:1: no such file\n")
    }

    @Test func deeplyNestedProseRendersInTheShell() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let prose =
            String(repeating: "> ", count: 5_000) + "deep\n\n" + String(repeating: "[", count: 10_000) + "x"
            + String(repeating: "]", count: 10_000) + "(y)\n\n" + String(repeating: "**a ", count: 10_000) + "\n"
        try folder.write("t", body: prose)
        let result = try PoolschoolProcess.run(["--lessons", folder.path], input: "open t\n")
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(result.stdout.contains("deep"))
        #expect(try folder.lint().status == 0)
    }

    @Test func labWorkIsBoundedSoLintStaysQuick() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let heavy =
            "```lab\nscenario: reservation-desk\nsteps:\n  - load --arrival-rate 1000/s --requests 10000000\n```\n\n"
        let light = "```lab\nscenario: reservation-desk\nsteps:\n  - burst 1\nexpect:\n  - borrows == 1\n```\n\n"
        try folder.write("t", body: heavy + String(repeating: light, count: 30))
        let (lines, status) = try folder.lint()
        #expect(status == 1)
        #expect(
            lines.contains {
                $0.hasSuffix(
                    "t.md:10: lab step 'load --arrival-rate 1000/s --requests 10000000' runs a load of '10000000' requests; a lab step runs at most 100000"
                )
            }, "\(lines)")
        #expect(lines.contains { $0.contains("more than 20 lab blocks in one lesson") }, "\(lines)")
        #expect(lines.count == 2, "\(lines)")
    }

    @Test func theShellNeitherShowsNorChecksADisallowedLab() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        try folder.write(
            "t", body: "Text.\n\n```lab\nscenario: reservation-desk\nsteps:\n  - replay waiting-pool 1\n```\n")
        let result = try PoolschoolProcess.run(["--lessons", folder.path], input: "open t\nlab check\n")
        #expect(!result.stdout.contains("replay"), "\(result.stdout)")
        #expect(result.stderr.contains("this page of 't' has no lab"), "\(result.stderr)")
    }
}
