import Foundation
import Grading
import Testing

/// `poolschool report --json FILE`: one learner's whole record, run as a learner (or an LMS) runs it.
@Suite struct ReportTests {
    @Test func aFreshLearnersReportListsTheWholeCourseWithNothingDone() throws {
        let home = try ClassroomHome()
        defer { home.remove() }
        let file = home.path + "/report.json"
        let result = try home.run(["report", "--json", file])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("dana: 0 of "))
        #expect(result.stderr.contains("0 of 110 points; written to \(file)"))
        let report = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [String: Any])
        #expect(report["format"] as? String == "poolschool-report")
        #expect(report["version"] as? Int == 1)
        #expect(report["learner"] as? String == "dana")
        #expect((report["lessons"] as? [Any])?.count == 16)
        let exercises = try #require(report["exercises"] as? [[String: Any]])
        #expect(exercises.map { $0["name"] as? String } == GradedExercise.all.map(\.name))
        #expect(exercises.first?["points"] as? Int == 5)
        #expect(exercises.allSatisfy { $0["status"] as? String == "not graded" })
        #expect(!FileManager.default.fileExists(atPath: home.progressFile), "reporting writes no progress")
    }

    @Test func answersHintsGivingUpAndLabsAreInTheReport() throws {
        let home = try ClassroomHome()
        defer { home.remove() }
        // A question missed three times (a hint, then the explanation: given up), then a lab predicted and checked.
        let lesson = "03-borrow-and-backpressure"
        let session = """
            open \(lesson)
            answer lifecycle a b c d e
            answer lifecycle a b c d e
            answer lifecycle a b c d e
            page 3
            answer burst-waiting 175
            lab reservation-desk
            burst 200
            lab check
            """
        _ = try home.run([], input: session + "\n")
        let report = try home.report()
        let lifecycle = try #require(questionRecord(report, lesson: lesson, question: "lifecycle"))
        #expect(lifecycle["attempts"] as? Int == 3)
        #expect(lifecycle["explained"] as? Bool == true)
        #expect(lifecycle["right"] as? Bool == false)
        #expect(lifecycle["hints"] as? Int == 1)
        let lessons = try #require(report["lessons"] as? [[String: Any]])
        let labs = try #require(lessons.first { $0["id"] as? String == lesson }?["labs"] as? [[String: Any]])
        #expect(labs.first?["id"] as? String == "desk-burst")
        #expect(labs.first?["passed"] as? Bool == true)
        let totals = try #require(report["totals"] as? [String: Any])
        #expect(totals["explained"] as? Int == 1)
        #expect(totals["labsPassed"] as? Int == 1)
    }

    @Test func theGradersLastRunIsReportedRuleByRule() throws {
        let project = try StartedProject()
        let home = try ClassroomHome()
        defer {
            project.remove()
            home.remove()
        }
        let graded = ExerciseReport(
            exercise: "waiting-pool",
            checks: [
                CheckResult(name: "serves borrowers first come", passed: true, cases: 40, exercised: ["a": 2]),
                CheckResult(name: "a waiter times out", passed: false, message: "stale timer", seed: 7, cases: 1),
            ])
        let fake = try FakeSwift(report: graded, exercise: "waiting-pool")
        defer { fake.remove() }
        let check = try home.run(
            [], input: "check waiting-pool\n", directory: project.path, environment: ["PATH": fake.path])
        #expect(check.stderr.contains("waiting-pool: 1 of 2 checks pass"), "\(check.stderr)")
        let report = try home.report(directory: project.path)
        let exercises = try #require(report["exercises"] as? [[String: Any]])
        let waiting = try #require(exercises.first { $0["name"] as? String == "waiting-pool" })
        #expect(waiting["status"] as? String == "failed")
        #expect(waiting["points"] as? Int == 15)
        #expect(waiting["score"] as? Int == 0)
        let rules = try #require(waiting["rules"] as? [[String: Any]])
        #expect(rules.map { $0["name"] as? String } == ["serves borrowers first come", "a waiter times out"])
        #expect(rules.map { $0["passed"] as? Bool } == [true, false])
    }

    @Test func aMissingOrDamagedProgressFileIsNamedAndLeftAlone() throws {
        let home = try ClassroomHome()
        defer { home.remove() }
        let missing = try home.run(["report", "--json", "-", "--progress", home.path + "/nope.json"])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("poolschool report: \(home.path)/nope.json: no such progress file"))
        let damaged = home.path + "/damaged.json"
        try "{\"learner\": 3".write(toFile: damaged, atomically: true, encoding: .utf8)
        let result = try home.run(["report", "--json", "-", "--progress", damaged])
        #expect(result.status == 1)
        #expect(result.stderr.contains("\(damaged) is not a poolschool progress file (not valid JSON)"))
        #expect(FileManager.default.fileExists(atPath: damaged), "a report never moves a learner's file")
        let unwritable = try home.run(["report", "--json", "/nonexistent-folder/r.json"])
        #expect(unwritable.status == 1)
        #expect(unwritable.stderr.contains("cannot write /nonexistent-folder/r.json"))
    }
}
