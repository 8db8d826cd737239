import Foundation
import Testing

/// `poolschool preview --all-seeds K`: many learners' keys, and every question some learner should not be asked.
@Suite struct KeySweepTests {
    static func numeric(_ id: String, prompt: String, answer: String, unit: String, extra: String = "") -> String {
        "```question\nid: \(id)\nkind: numeric\nprompt: \(prompt)\nanswer: \(answer)\nunit: \"\(unit)\"\n\(extra)```\n\n"
    }

    static let params = "```params\na = 1..5\nb = 2..8 step 2\n```\n\n"

    @Test func eachKindOfBadKeyIsReportedAtItsQuestionWithALearnerToLookAt() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let body =
            "\n# Keys\n\n" + Self.params
            + Self.numeric("negative", prompt: "What is a minus ten?", answer: "= a - 10", unit: "")
            + Self.numeric("undefined", prompt: "What is ten over (a - 3)?", answer: "= 10 / (a - 3)", unit: "")
            + Self.numeric(
                "too-big", prompt: "What share is a times 30?", answer: "= a * 30", unit: "%", extra: "range: 0..100\n")
            + Self.numeric(
                "tie", prompt: "Half of b plus a, to a whole number?", answer: "= b / 2 + a + 0.5", unit: "")
            + Self.numeric(
                "thirds", prompt: "How many connections for b over 4?", answer: "= b / 4", unit: "connections")
            + Self.numeric("fine", prompt: "How many connections is a plus b?", answer: "= a + b", unit: "connections")
        try folder.write("50-keys", body: body)
        let file = folder.path + "/50-keys.md"
        let result = try PoolschoolProcess.run(["preview", file, "--all-seeds", "60"])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        func findings(_ id: String) -> [String] { lines.filter { $0.contains("question '\(id)'") } }
        func finding(_ id: String) -> String? { findings(id).first }
        #expect(finding("negative")?.contains("50-keys.md:15: question 'negative': the key is negative") == true)
        #expect(finding("negative")?.contains("for 60 learner(s), e.g. learner-1: ") == true)
        // Ten over (a - 3): undefined where a = 3, negative where a is 1 or 2; each reported apart.
        #expect(findings("undefined").contains { $0.contains("the key is undefined") && $0.contains("when a = 3") })
        #expect(findings("undefined").contains { $0.contains("the key is negative") })
        #expect(finding("too-big")?.contains("outside the question's range 0..100") == true)
        #expect(
            finding("tie")?.contains("half-way between two answers at the 0 decimal places its prompt asks") == true)
        #expect(finding("thirds")?.contains("not a whole number of connections") == true)
        #expect(findings("fine").isEmpty)
        #expect(
            result.stderr.contains("1 lesson(s), 6 numeric question(s), 60 learner(s) each: \(lines.count) problem(s)"))
        // A finding names a learner; previewing that learner shows the same key.
        let example = try #require(finding("negative")?.components(separatedBy: "e.g. ").last)
        let learner = String(example.prefix { $0 != ":" })
        let preview = try PoolschoolProcess.run(["preview", file, "--as", learner])
        let key = String(example.dropFirst(learner.count + 2).prefix { $0 != " " })
        #expect(preview.stdout.contains("Key for negative (version"), "\(preview.stdout)")
        #expect(preview.stdout.contains(": \(key) (tolerance"), "\(key)")
    }

    @Test func aLessonWhoseKeysAreAllCleanPasses() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let body =
            "\n# Keys\n\n" + Self.params
            + Self.numeric("sum", prompt: "How many connections is a plus b?", answer: "= a + b", unit: "connections")
            + Self.numeric(
                "share", prompt: "What share is a of 8, on average?", answer: "= a / 8", unit: "%",
                extra: "range: 0..100\n")
        try folder.write("51-clean", body: body)
        let result = try PoolschoolProcess.run(["preview", folder.path + "/51-clean.md", "--all-seeds", "100"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("2 numeric question(s), 100 learner(s) each: 0 problem(s)"))
    }

    @Test func theShippedCourseIsSweptWholeAndItsExitSaysWhetherAnythingWasFound() throws {
        let result = try PoolschoolProcess.run(["preview", "--all-seeds", "25"])
        #expect(result.stderr.contains("16 lesson(s)") || result.stderr.contains(" lesson(s), "), "\(result.stderr)")
        #expect(result.stderr.contains("25 learner(s) each"))
        let findings = result.stdout.split(separator: "\n")
        #expect(findings.allSatisfy { $0.hasPrefix("Lessons/") && $0.contains(": question '") })
        #expect((result.status == 0) == findings.isEmpty)
    }

    @Test func aSweepTakesASensibleNumberOfLearners() throws {
        let result = try PoolschoolProcess.run(["preview", "--all-seeds", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--all-seeds takes a number of learners from 1 to 100000, got 0"))
    }
}
