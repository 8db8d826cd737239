import Foundation
import Testing

/// Progress records which version of a question was answered: a question changed after a learner answered it
/// is asked again, and both the learner and the report show that it changed. Old progress files keep loading.
@Suite struct QuestionVersionTests {
    static func lesson(prompt: String, hint: String = "Think of the strictest mode.") -> String {
        """

        # Modes

        ```question
        id: mode
        kind: choice
        prompt: \(prompt)
        choices: [session, transaction, statement]
        answer: statement
        ```

        ```hint
        \(hint)
        ```

        ```question
        id: other
        kind: text
        prompt: Which statement resets a session?
        accept: [discard all]
        ```

        """
    }

    @Test func aChangedQuestionIsAskedAgainAndItsEarlierRecordIsKept() throws {
        let home = try ClassroomHome()
        let folder = try LessonFolder()
        defer {
            home.remove()
            folder.remove()
        }
        try folder.write("01-modes", body: Self.lesson(prompt: "Which PgBouncer mode refuses BEGIN?"))
        let first = try home.run([], input: "open 01-modes\nstatement\n", lessons: folder.path)
        #expect(first.stdout.contains("✓ Right."), "\(first.stdout)\(first.stderr)")
        let before = try #require(
            questionRecord(try home.report(lessons: folder.path), lesson: "01-modes", question: "mode"))
        #expect(before["right"] as? Bool == true)

        // A hint reworded is not a new question: nothing is asked again.
        try folder.write("01-modes", body: Self.lesson(prompt: "Which PgBouncer mode refuses BEGIN?", hint: "Strict."))
        let reworded = try home.run([], input: "open 01-modes\n", lessons: folder.path)
        #expect(!reworded.stdout.contains("changed since you answered it"))
        #expect(reworded.stdout.contains("Question mode ✓"), "\(reworded.stdout)")

        try folder.write("01-modes", body: Self.lesson(prompt: "Which PgBouncer mode refuses a transaction block?"))
        let again = try home.run([], input: "open 01-modes\nlessons\n", lessons: folder.path)
        #expect(again.stdout.contains("Question mode (changed since you answered it: please answer it again)"))
        #expect(again.stdout.contains(" 0/2 │"), "\(again.stdout)")
        let after = try #require(
            questionRecord(try home.report(lessons: folder.path), lesson: "01-modes", question: "mode"))
        #expect(after["right"] as? Bool == false)
        #expect(after["version"] as? String != before["version"] as? String)
        let earlier = try #require(after["earlier"] as? [[String: Any]])
        #expect(earlier.count == 1)
        #expect(earlier.first?["right"] as? Bool == true)
        #expect(earlier.first?["version"] as? String == before["version"] as? String)

        // Answering the new version counts for it, and the earlier record stays.
        let answered = try home.run([], input: "open 01-modes\nstatement\n", lessons: folder.path)
        #expect(answered.stdout.contains("✓ Right."))
        let now = try #require(
            questionRecord(try home.report(lessons: folder.path), lesson: "01-modes", question: "mode"))
        #expect(now["right"] as? Bool == true)
        #expect((now["earlier"] as? [[String: Any]])?.count == 1)
    }

    @Test func aProgressFileFromBeforeVersionsLoadsAndIsMigratedWithoutLoss() throws {
        let home = try ClassroomHome()
        let folder = try LessonFolder()
        defer {
            home.remove()
            folder.remove()
        }
        try folder.write("01-modes", body: Self.lesson(prompt: "Which PgBouncer mode refuses BEGIN?"))
        let old = """
            {"version": 1, "learner": "dana", "lesson": "01-modes", "page": 0, "pageCount": 1,
             "lessons": {"01-modes": {"pagesSeen": [0], "questions": {
               "mode": {"attempts": 2, "solved": true, "hintsShown": 1, "revealed": false}}}}}
            """
        try old.write(toFile: home.progressFile, atomically: true, encoding: .utf8)
        let shell = try home.run([], input: "lessons\nopen 01-modes\ndiscard all\n", lessons: folder.path)
        #expect(shell.status == 0, "\(shell.stderr)")
        #expect(shell.stdout.contains(" 1/2 │"), "the old answer still counts: \(shell.stdout)")
        #expect(shell.stdout.contains("Question mode ✓"))
        #expect(!shell.stdout.contains("changed since you answered it"))
        let saved = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: home.progressFile)))
        let progress = try #require(saved as? [String: Any])
        #expect(progress["version"] as? Int == 2)
        let lessons = try #require(progress["lessons"] as? [String: Any])
        let questions = try #require((lessons["01-modes"] as? [String: Any])?["questions"] as? [String: Any])
        let mode = try #require(questions["mode"] as? [String: Any])
        #expect(mode["solved"] as? Bool == true)
        #expect(mode["attempts"] as? Int == 2)
        #expect((mode["version"] as? String)?.count == 12)
        #expect((questions["other"] as? [String: Any])?["solved"] as? Bool == true)
    }
}
