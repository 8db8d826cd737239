import Foundation
import Testing

/// `poolschool lint --hash-answer ANSWER --salt SALT --kind KIND` hashes the answer as the checker normalises a
/// learner's, so a key made from what an instructor naturally types ('B', '25 connections', 'Session Mode.')
/// is matched by a learner who answers right, and lint finds nothing wrong with it.
@Suite(.serialized, .timeLimit(.minutes(5))) struct HashAnswerTests {
    func hash(_ answer: String, _ salt: String, _ extra: [String]) throws -> String {
        let result = try PoolschoolProcess.run(["lint", "--hash-answer", answer, "--salt", salt] + extra)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func keysHashedFromNaturalFormsMatchARightLearner() throws {
        let folder = try LessonFolder()
        defer { folder.remove() }
        let choice = try hash("C", "s1", ["--kind", "choice"])
        let multi = try hash("c, A", "s2", ["--kind", "multi"])
        let number = try hash("25 connections", "s3", ["--kind", "numeric", "--unit", "connections"])
        let seconds = try hash("18 ms", "s4", ["--kind", "numeric", "--unit", "s"])
        let text = try hash("  Session   Mode. ", "s5", ["--kind", "text"])
        let questions = [
            ("mode", "choice", "choices: [session, transaction, statement]\n", choice, "s1"),
            ("hold", "multi", "choices: [session mode, statement mode, transaction mode]\n", multi, "s2"),
            ("size", "numeric", "unit: connections\n", number, "s3"),
            ("setup", "numeric", "unit: s\n", seconds, "s4"),
            ("word", "text", "", text, "s5"),
        ].map { id, kind, extra, key, salt in
            "```question\nid: \(id)\nkind: \(kind)\nprompt: p\n\(extra)answer-hash: \(key)\nsalt: \(salt)\n```\n"
        }
        try folder.write("01-hidden", body: "\n" + questions.joined(separator: "\n"))
        let (lines, status) = try folder.lint()
        #expect(status == 0 && lines.isEmpty, "\(lines)")
        let learner = try PoolschoolProcess.run(
            ["--lessons", folder.path],
            input: [
                "open 01-hidden", "answer mode statement", "answer hold session mode, transaction mode",
                "answer size 25", "answer setup 18 ms", "answer word session mode", "progress",
            ].joined(separator: "\n") + "\n", environment: ["POOLSCHOOL_LEARNER": "ada"])
        #expect(learner.stdout.contains("ada: 5 of 5 questions right"), "\(learner.stdout)\n\(learner.stderr)")
    }

    @Test func theNormalisedFormIsShownAndBadAnswersAreUsageErrors() throws {
        let shown = try PoolschoolProcess.run(
            ["lint", "--hash-answer", "18 ms", "--salt", "x", "--kind", "numeric", "--unit", "s"])
        #expect(shown.stderr.contains("hashed '0.018'"))
        let cases: [([String], String)] = [
            (["--kind", "order"], "an order question cannot hide its answer"),
            ([], "--hash-answer needs --kind"),
            (["--kind", "numbers"], "unknown --kind 'numbers'"),
            (["--kind", "choice"], "a hidden choice key is the letter of the right choice"),
            (["--kind", "numeric", "--unit", "%"], "is a time but the question's unit '%'"),
            (["--kind", "text", "--unit", "ms"], "--unit goes with --kind numeric"),
        ]
        for (extra, message) in cases {
            let answer = extra.contains("numeric") ? "18 ms" : "transaction mode"
            let result = try PoolschoolProcess.run(["lint", "--hash-answer", answer, "--salt", "x"] + extra)
            #expect(result.status == 2, "\(extra)")
            #expect(result.stderr.contains(message), "\(extra): \(result.stderr)")
        }
    }
}
