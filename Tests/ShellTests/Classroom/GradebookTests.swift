import Foundation
import Testing

/// `poolschool gradebook`: a class's reports merged, run as an instructor runs it on what an LMS collected.
@Suite struct GradebookTests {
    static let lesson = """

        # Modes

        ```question
        id: mode
        kind: choice
        prompt: Which PgBouncer mode refuses BEGIN?
        choices: [session, transaction, statement]
        answer: statement
        ```

        ```hint
        The strictest.
        ```

        ```question
        id: reset
        kind: text
        prompt: Which statement resets a session?
        accept: [discard all]
        ```

        """

    /// Three learners' reports, made the way learners make them: answers in the shell, then `report`.
    static func classFolder(_ lessons: LessonFolder) throws -> URL {
        try lessons.write("01-modes", body: lesson)
        let reports = lessons.url.appendingPathComponent("reports")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        let answers = [
            "ann": "open 01-modes\nstatement\ndiscard all\n",
            "ben": "open 01-modes\nsession\nstatement\ndiscard all\n",
            "cal": "open 01-modes\nsession\n",
        ]
        for (learner, input) in answers {
            let home = try ClassroomHome()
            defer { home.remove() }
            _ = try home.run([], input: input, learner: learner, lessons: lessons.path)
            let made = try home.run(
                ["report", "--json", reports.appendingPathComponent("\(learner).json").path], learner: learner,
                lessons: lessons.path)
            #expect(made.status == 0, "\(made.stderr)")
        }
        return reports
    }

    @Test func aClassIsMergedIntoTotalsMissRatesAndPassRates() throws {
        let lessons = try LessonFolder()
        defer { lessons.remove() }
        let reports = try Self.classFolder(lessons)
        let result = try PoolschoolProcess.run(
            ["gradebook", reports.path], directory: PoolschoolProcess.packageRoot.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("3 report(s) merged"))
        let out = result.stdout
        #expect(out.contains("Gradebook: 3 learner(s)"))
        #expect(out.contains("| ann | 0 | 110 | 2 | 0 | 2 |"), "\(out)")
        #expect(out.contains("| ben | 0 | 110 | 2 | 0 | 2 |"))
        #expect(out.contains("| cal | 0 | 110 | 0 | 0 | 2 |"))
        // 'mode': three tried, ben and cal missed; two of three saw the hint (a wrong answer shows it).
        #expect(out.contains("| 01-modes | mode | 3 | 67% | 0 | 67% | 2 | 0 |"))
        #expect(out.contains("| 01-modes | reset | 2 | 0% | 0 | 0% | 0 | 0 |"))
        // Most missed first.
        let mode = try #require(out.range(of: "| 01-modes | mode |"))
        let reset = try #require(out.range(of: "| 01-modes | reset |"))
        #expect(mode.lowerBound < reset.lowerBound)
        #expect(out.contains("| sizing-arithmetic | 5 | 0 | 0 | 0% |  |"))
    }

    @Test func theFailingRuleMostLearnersBrokeIsNamed() throws {
        let lessons = try LessonFolder()
        defer { lessons.remove() }
        let reports = try Self.classFolder(lessons)
        // Two learners' graders failed rules: edit their reports as `check` would have recorded them.
        for (learner, rules) in [
            ("ann", [("serves in order", false), ("times out", false)]),
            ("ben", [("serves in order", true), ("times out", false)]),
        ] {
            let url = reports.appendingPathComponent("\(learner).json")
            var report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
            var exercises = try #require(report["exercises"] as? [[String: Any]])
            let index = try #require(exercises.firstIndex { $0["name"] as? String == "waiting-pool" })
            exercises[index]["status"] = "failed"
            exercises[index]["rules"] = rules.map { ["name": $0.0, "passed": $0.1, "reached": true] }
            report["exercises"] = exercises
            try JSONSerialization.data(withJSONObject: report).write(to: url)
        }
        let csv = lessons.url.appendingPathComponent("book.csv")
        let html = lessons.url.appendingPathComponent("book.html")
        let md = lessons.url.appendingPathComponent("book.md")
        let result = try PoolschoolProcess.run(
            ["gradebook", reports.path, "--csv", csv.path, "--html", html.path, "--md", md.path],
            directory: PoolschoolProcess.packageRoot.path)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty, "written to the files, not printed")
        let markdown = try String(contentsOf: md, encoding: .utf8)
        #expect(markdown.contains("| waiting-pool | 15 | 2 | 0 | 0% | times out (2) |"), "\(markdown)")
        let table = try String(contentsOf: csv, encoding: .utf8)
        #expect(table.hasPrefix("table,learner,points,max_points,"))
        #expect(table.contains("\nexercises,waiting-pool,15,2,0,0%,times out (2)\n"))
        #expect(table.contains("\n\ntable,lesson,question,tried,miss_rate,"))
        let page = try String(contentsOf: html, encoding: .utf8)
        #expect(page.contains("<td>times out (2)</td>"))
        #expect(page.hasPrefix("<!DOCTYPE html>"))
    }

    @Test func badAndForeignFilesAreNamedAndTheRestMerged() throws {
        let lessons = try LessonFolder()
        defer { lessons.remove() }
        let reports = try Self.classFolder(lessons)
        let foreign = reports.appendingPathComponent("package.json")
        try #"{"name": "left-pad"}"#.write(to: foreign, atomically: true, encoding: .utf8)
        let notJSON = reports.appendingPathComponent("notes.json")
        try "these are my notes".write(to: notJSON, atomically: true, encoding: .utf8)
        let newer = reports.appendingPathComponent("future.json")
        try #"{"format": "poolschool-report", "version": 9}"#.write(to: newer, atomically: true, encoding: .utf8)
        let damaged = reports.appendingPathComponent("damaged.json")
        try #"{"format": "poolschool-report", "version": 1, "learner": "eve", "lessons": 3}"#.write(
            to: damaged, atomically: true, encoding: .utf8)
        let result = try PoolschoolProcess.run(["gradebook", reports.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(foreign.path): not a poolschool report (it has no \"format\")"))
        #expect(result.stderr.contains("\(notJSON.path): not a poolschool report: not a JSON object"))
        #expect(result.stderr.contains("\(newer.path): report version 9; this poolschool reads versions up to 1"))
        #expect(result.stderr.contains("\(damaged.path): a damaged poolschool report:"))
        #expect(result.stderr.contains("3 report(s) merged, 4 file(s) could not be read"))
        #expect(result.stdout.contains("Gradebook: 3 learner(s)"))
    }

    @Test func nothingToMergeIsSaidPlainly() throws {
        let empty = try LessonFolder()
        defer { empty.remove() }
        let none = try PoolschoolProcess.run(["gradebook", empty.path])
        #expect(none.status == 1)
        #expect(none.stderr.contains("no report files (*.json) in \(empty.path)"))
        let missing = try PoolschoolProcess.run(["gradebook", empty.path + "/gone"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("\(empty.path)/gone: no such file or folder"))
    }

    @Test func aLearnerNamedLikeAFormulaStaysTextInTheCSV() throws {
        let lessons = try LessonFolder()
        defer { lessons.remove() }
        try lessons.write("01-modes", body: Self.lesson)
        let home = try ClassroomHome()
        defer { home.remove() }
        let report = lessons.url.appendingPathComponent("r.json")
        _ = try home.run(["report", "--json", report.path], learner: "=HYPERLINK(\"x\")", lessons: lessons.path)
        let csv = lessons.url.appendingPathComponent("book.csv")
        let result = try PoolschoolProcess.run(["gradebook", report.path, "--csv", csv.path])
        #expect(result.status == 0, "\(result.stderr)")
        let text = try String(contentsOf: csv, encoding: .utf8)
        #expect(text.contains("\nlearners,\"'=HYPERLINK(\"\"x\"\")\","), "\(text)")
    }
}
