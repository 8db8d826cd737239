import Course
import Foundation
import Grading
import Testing

@testable import Shell

/// The exercise commands that need no build: the list, hints, the solution's gate, arguments; and the
/// catalog's lint and the grade documents.
@Suite struct ExerciseCommandsTests {
    func session(_ lines: [String]) -> (transcript: String, status: Shell.ExitStatus, home: ShellHome) {
        let home = ShellHome(path: FileManager.default.temporaryDirectory.appendingPathComponent("home-\(UUID())").path)
        let output = CapturedOutput()
        let session = ShellSession(terminal: .plain, output: output, home: home)
        let status = ShellRunner.run(
            session, reader: ScriptLineReader(name: "session", text: lines.joined(separator: "\n")))
        return (output.text, status, home)
    }

    @Test func exercisesListsTheCatalogWithEachStatus() {
        let run = session(["exercises"])
        #expect(run.status == .success)
        #expect(run.transcript.contains("fixed-size-pool"))
        #expect(run.transcript.contains("Exercises/08-multiplexer.swift (lesson 10-proxy-pooling)"))
        // One line per exercise, then the totals.
        #expect(run.transcript.split(separator: "\n").count == GradedExercise.all.count + 1)
        #expect(run.transcript.hasSuffix(" started.\n"))
    }

    @Test func hintShowsAnExercisesHintsOneAtATime() throws {
        let run = session(["hint warm-up", "hint warm-up", "hint warm-up"])
        #expect(run.transcript.contains("Hint 1 of 2 for warm-up:"))
        #expect(run.transcript.contains("Hint 2 of 2 for warm-up:"))
        #expect(run.transcript.contains("no more hints for 'warm-up'"))
        #expect(ExerciseProgress.load(from: run.home).hintsShown["warm-up"] == 2)
    }

    @Test func solutionWaitsUntilTheExercisePasses() {
        let run = session(["solution waiting-pool"])
        #expect(run.transcript.contains("'waiting-pool' has not passed yet: `check waiting-pool` first"))
        #expect(run.status == .failure)
    }

    @Test func replayAndCheckNameTheExercisesTheyKnow() {
        let run = session(["replay waiting-pol 30001", "replay waiting-pool x"])
        #expect(run.transcript.contains("no exercise named 'waiting-pol'; did you mean 'waiting-pool'?"))
        #expect(run.transcript.contains("'x' is not a seed"))
        #expect(run.status == .usage)
    }

    @Test func theShippedCatalogLintsClean() {
        let lessons = CourseCatalog.load(folder: "Lessons")
        let problems = ExerciseCommandLine.lintCatalog(
            lessonIDs: Set(lessons.lessons.map(\.id)), root: FileManager.default.currentDirectoryPath)
        #expect(problems.isEmpty, "\(problems)")
    }

    @Test func catalogProblemsPointAtTheirLine() {
        let catalog = ExerciseCatalog.parse(
            """
            exercises:
              - name: one
                title: One
                file: Exercises/01.swift
                lesson: 04-sizing-formulas
                type: One
                tests: OneTests
                builds-on: two
                points: 0
                hints: []
              - name: one
                titel: Two
            """, path: "exercises.yaml")
        let messages = catalog.diagnostics.map(\.description)
        #expect(
            messages.contains("exercises.yaml:9: exercise 'one' has points 0; points must be a whole number above 0"))
        #expect(messages.contains("exercises.yaml:10: exercise 'one' needs 'hints': a list of non-empty hints"))
        #expect(messages.contains("exercises.yaml:12: unknown key 'titel'; did you mean 'title'?"))
        #expect(messages.contains("exercises.yaml:11: exercise 'one' has no 'title'"))
        let cross = catalog.crossCheck(lessonIDs: ["04-sizing-formulas"], gradedNames: [:]) { _ in false }
        #expect(cross.map(\.message).contains("exercise 'one': no such file Exercises/01.swift"))
        #expect(
            cross.map(\.message).contains(
                "exercise 'one': no test file Tests/ExerciseTests/OneTests.swift (tests: OneTests)"))
        #expect(cross.map(\.message).contains("exercise 'one' builds on 'two', which is not an exercise before it"))
    }

    @Test func gradeDocumentsCarryEveryCheck() {
        let entry = ExerciseEntry(
            name: "waiting-pool", title: "Waiting", file: "Exercises/03-waiting-pool.swift", lesson: "08-timeouts",
            hints: ["h"], points: 15, line: 1)
        let report = ExerciseReport(
            exercise: "waiting-pool",
            checks: [
                CheckResult(name: "order", passed: true, cases: 40),
                CheckResult(
                    name: "timeouts", passed: false, message: "r3 <never> timed out", seed: 20_007, trace: ["t=0"],
                    cases: 7),
            ])
        let document = GradeDocument(exercises: [
            GradeDocument.exercise(entry, .graded(report)), GradeDocument.exercise(entry, .notStarted(line: 40)),
        ])
        #expect(document.score == 0 && document.maxScore == 30)
        let xml = document.junit()
        #expect(xml.contains("<testsuites name=\"poolschool\" tests=\"3\" failures=\"1\" skipped=\"1\">"))
        #expect(xml.contains("<failure message=\"r3 &lt;never&gt; timed out\">"))
        #expect(document.json().contains("\"status\" : \"not started\""))
    }
}
