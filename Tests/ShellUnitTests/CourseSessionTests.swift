import Course
import Foundation
import Testing

@testable import Shell

/// A learner going through a lesson in the shell: pages, answers, hints, explanations and progress.
@Suite struct CourseSessionTests {
    static let lesson = """
        ---
        id: 01-cost
        title: Cost
        order: 1
        sources: [s.txt]
        ---

        Setup takes 18 ms and the query 6 ms.

        ```question
        id: share
        kind: numeric
        prompt: What share of the request is setup?
        answer: 75%
        unit: "%"
        tolerance: 0.5
        ```

        ```hint
        Setup over the whole.
        ```

        ```explain
        18 / 24 = 75%.
        ```

        ---

        ```question
        id: mode
        kind: choice
        prompt: Which mode refuses BEGIN?
        choices: [session, transaction, statement]
        answer: c
        ```

        ```explain
        Statement mode.
        ```
        """

    let folder: URL
    let home: URL

    init() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("course-\(UUID().uuidString)")
        folder = root.appendingPathComponent("Lessons")
        home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.lesson.write(to: folder.appendingPathComponent("01-cost.md"), atomically: true, encoding: .utf8)
    }

    func run(_ lines: [String]) -> (transcript: String, session: ShellSession) {
        let output = CapturedOutput()
        let session = ShellSession(output: output, home: ShellHome(path: home.path))
        session.course = CourseState(
            catalog: CourseCatalog.load(folder: folder.path), store: ProgressStore(home: home.path), learner: "ada",
            seed: nil)
        ShellRunner.run(session, reader: ScriptLineReader(name: "s", text: lines.joined(separator: "\n")))
        return (output.text, session)
    }

    @Test func answeringWrongGivesAHintThenRightGivesTheExplanation() {
        let (transcript, session) = run(["open 01-cost", "50", "0.75", "75"])
        #expect(transcript.contains("Cost — page 1 of 2"))
        #expect(transcript.contains("✗ Not right.\nHint 1: Setup over the whole."))
        #expect(
            transcript.contains(
                "✗ 0.75 is a fraction; the question asks in %, as in 50% for a half (this did not count as a try)."))
        #expect(session.course?.progress.question("01-cost", "share").attempts == 2, "the slip cost no try")
        #expect(transcript.contains("✓ Right.\n18 / 24 = 75%.\nType 'next' to go on."))
        #expect(session.prompt == "poolschool [01-cost 1/2]> ")
        #expect(session.status == .success, "a wrong answer is not a failed command")
    }

    @Test func threeMissesShowTheExplanation() {
        let (transcript, _) = run(["open 01-cost", "next", "session", "transaction", "session"])
        #expect(transcript.contains("That is 3 tries; here is the explanation.\nStatement mode."))
    }

    @Test func unreadableAnswersCostNoTry() {
        let (transcript, session) = run(["open 01-cost", "answer lots"])
        #expect(
            transcript.contains(
                "'lots' is not a number; type one such as 75, 75%, 18 ms or 1,200 (this did not count as a try)."))
        #expect(session.course?.progress.question("01-cost", "share").attempts == 0)
    }

    @Test func progressIsOnDiskAfterEachAnswerAndResumes() throws {
        _ = run(["open 01-cost", "75"])
        // Written before the session ends: a kill -9 now would lose nothing.
        let saved = try JSONDecoder().decode(
            Progress.self, from: Data(contentsOf: home.appendingPathComponent("progress.json")))
        #expect(saved.question("01-cost", "share").solved)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)

        let (transcript, session) = run(["progress"])
        #expect(transcript.contains("ada: 1 of 2 questions right, 0 explained, 1 to go."))
        #expect(session.prompt == "poolschool [01-cost 1/2]> ")
    }

    @Test func aCorruptProgressFileIsMovedAsideNotOverwritten() throws {
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        try "{ not json".write(to: home.appendingPathComponent("progress.json"), atomically: true, encoding: .utf8)
        let loaded = ProgressStore(home: home.path).load(learner: "ada")
        let notice = try #require(loaded.notice)
        #expect(notice.hasPrefix("your progress file was unreadable (not valid JSON"))
        let aside = try FileManager.default.contentsOfDirectory(atPath: home.path).filter { $0.contains(".corrupt-") }
        #expect(aside.count == 1)
        #expect(try String(contentsOf: home.appendingPathComponent(aside[0]), encoding: .utf8) == "{ not json")
    }

    @Test func resetProgressAsksFirst() {
        let (kept, _) = run(["open 01-cost", "75", "reset-progress", "no", "progress"])
        #expect(kept.contains("Cancelled; nothing changed."))
        #expect(kept.contains("ada: 1 of 2"))
        let (reset, _) = run(["reset-progress", "yes", "progress"])
        #expect(reset.contains("Progress forgotten."))
        #expect(reset.contains("ada: 0 of 2"))
    }

    @Test func navigationErrorsSayWhatToDo() {
        let (transcript, session) = run(["back", "open nope", "open 01-cost", "back", "page 9"])
        #expect(transcript.contains("no lesson is open; 'lessons' lists them, 'open ID' opens one"))
        #expect(transcript.contains("no lesson 'nope'"))
        #expect(transcript.contains("this is the first page of '01-cost'"))
        #expect(transcript.contains("page: '9' is not a page of '01-cost'; it has pages 1 to 2"))
        #expect(session.status == .usage)
    }

    @Test func aLessonLabIsCheckedAgainstTheLearnersWorld() throws {
        let lesson = """
            ---
            id: 02-desk
            title: Desk
            order: 2
            sources: [s.txt]
            ---

            ```lab
            scenario: reservation-desk
            steps:
              - burst 200
            expect:
              - waiting == 175
            observe: They queue.
            ```
            """
        try lesson.write(to: folder.appendingPathComponent("02-desk.md"), atomically: true, encoding: .utf8)
        let (transcript, _) = run([
            "open 02-desk", "lab check", "lab reservation-desk", "lab check", "burst 200", "lab check",
        ])
        #expect(transcript.contains("start the lab first: lab reservation-desk, then burst 200"))
        #expect(transcript.contains("✗ waiting == 175 (it is 0)"))
        #expect(transcript.contains("✓ waiting == 175 (it is 175)\nObserved. They queue."))
    }
}
