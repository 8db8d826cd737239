import Foundation
import Testing

/// `poolschool lint --json`'s document, as an editor or CI reads it.
struct LintDocument: Decodable {
    struct Entry: Decodable {
        let file: String
        let line: Int
        let column: Int
        let severity: String
        let code: String
        let message: String
    }

    let version: Int
    let files: Int
    let questions: Int
    let errors: Int
    let warnings: Int
    let diagnostics: [Entry]
}

/// A lesson written from Lessons/README.md alone lints clean; each single mistake made in it gives exactly one
/// diagnostic, at its line, with its rule and a message that says what is wrong: no follow-on errors.
/// Serialized: its sixty-odd runs of the executable would otherwise crowd out the other suites on a small machine.
@Suite(.serialized, .timeLimit(.minutes(5))) struct LintCorpusTests {
    let folder: LessonFolder
    let guide: String

    init() throws {
        folder = try LessonFolder()
        guide = try String(contentsOf: LintMistake.fixture, encoding: .utf8)
    }

    /// Lints `text` as the course's only lesson, through the executable.
    func lint(_ text: String, json: Bool = true) throws -> (result: PoolschoolProcess.Result, file: String) {
        let file = folder.url.appendingPathComponent("50-guide-lesson.md").path
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        return (try PoolschoolProcess.run(["lint"] + (json ? ["--json"] : []) + [file]), file)
    }

    @Test func theGuideLessonLintsClean() throws {
        defer { folder.remove() }
        let (result, _) = try lint(guide)
        let document = try JSONDecoder().decode(LintDocument.self, from: Data(result.stdout.utf8))
        #expect(result.status == 0)
        #expect(document.diagnostics.isEmpty, "\(document.diagnostics.map(\.message))")
        #expect(document.files == 1 && document.questions == 10 && document.errors == 0 && document.warnings == 0)
        let text = try lint(guide, json: false).result
        #expect(text.status == 0 && text.stdout.isEmpty)
        #expect(text.stderr == "1 lesson file(s), 10 question(s), 0 problem(s)\n")
    }

    @Test func theCorpusCoversEnoughMistakes() {
        #expect(LintMistake.all.count >= 30)
        #expect(Set(LintMistake.all.map(\.name)).count == LintMistake.all.count)
    }

    @Test(arguments: LintMistake.all) func oneMistakeGivesOneMessageAtItsLine(_ mistake: LintMistake) throws {
        defer { folder.remove() }
        let broken = try #require(mistake.apply(to: guide), "'\(mistake.replace)' is not in the guide's lesson once")
        let line = try #require(mistake.line(in: broken), "'\(mistake.at)' is not in the broken lesson")
        let (result, file) = try lint(broken)
        let document = try JSONDecoder().decode(LintDocument.self, from: Data(result.stdout.utf8))
        try #require(
            document.diagnostics.count == 1,
            "\(document.diagnostics.map { "\($0.line): \($0.code): \($0.message)" }.joined(separator: "\n"))")
        let diagnostic = document.diagnostics[0]
        #expect(diagnostic.file == file)
        #expect(diagnostic.line == line, "\(diagnostic.message)")
        #expect(diagnostic.code == mistake.code, "\(diagnostic.message)")
        #expect(diagnostic.severity == mistake.severity)
        #expect(diagnostic.message.contains(mistake.says), "\(diagnostic.message)")
        if let column = mistake.column { #expect(diagnostic.column == column) }
        // Errors fail the lint; a warning alone does not.
        #expect(result.status == (mistake.severity == "error" ? 1 : 0))
        #expect(document.errors + document.warnings == 1)
    }

    @Test func textOutputSaysErrorsAndWarningsApart() throws {
        defer { folder.remove() }
        let warning = try #require(LintMistake.all.first { $0.severity == "warning" })
        let error = try #require(LintMistake.all.first { $0.code == "duplicate-question-id" })
        let withWarning = try #require(warning.apply(to: guide))
        let both = try #require(error.apply(to: withWarning))
        let warningLine = try #require(warning.line(in: both))
        let errorLine = try #require(error.line(in: both))
        let (result, file) = try lint(both, json: false)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        #expect(lines.contains { $0.hasPrefix("\(file):\(warningLine): warning: '---'") }, "\(lines)")
        #expect(lines.contains { $0.hasPrefix("\(file):\(errorLine): duplicate question id") }, "\(lines)")
        #expect(result.status == 1)
        #expect(result.stderr.hasSuffix("1 problem(s), 1 warning(s)\n"))
        let onlyWarning = try lint(withWarning, json: false).result
        #expect(onlyWarning.status == 0)
        #expect(onlyWarning.stdout.contains(": warning: "))
    }
}

/// A broken front matter is reported at its own line and hides none of the lesson's other checks.
@Suite(.timeLimit(.minutes(5))) struct BrokenFrontMatterTests {
    @Test func theRestOfTheLessonIsStillChecked() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let guide = try String(contentsOf: LintMistake.fixture, encoding: .utf8)
        let broken = guide.replacingOccurrences(of: "order: 50\n", with: "order 50\n")
            .replacingOccurrences(of: "  - waiting == 175", with: "  - waiting == 170")
        let file = folder.url.appendingPathComponent("50-guide-lesson.md")
        try broken.write(to: file, atomically: true, encoding: .utf8)
        let result = try PoolschoolProcess.run(["lint", "--json", file.path])
        let document = try JSONDecoder().decode(LintDocument.self, from: Data(result.stdout.utf8))
        #expect(document.diagnostics.map(\.line) == [4, 141], "\(document.diagnostics.map(\.message))")
        #expect(document.diagnostics.map(\.code) == ["yaml", "lab-expect-fails"])
        #expect(result.status == 1)
    }
}
