import Foundation
import Testing

/// The quiz as a learner meets it through the real executable: shuffled choices, the explain
/// loophole closed, bare lines and bare `explain` aimed at the question on screen, unit slips.
@Suite(.timeLimit(.minutes(1))) struct QuizProcessTests {
    static let lesson = """
        ---
        id: 01-quiz
        title: Quiz
        order: 1
        sources: [s.txt]
        ---

        ```question
        id: mode
        kind: choice
        prompt: Which mode refuses BEGIN?
        choices: [session pooling, transaction pooling, statement pooling, no pooling]
        answer: c
        ```

        ```explain
        Only statement mode refuses it.
        ```

        ```question
        id: setup
        kind: numeric
        prompt: Setup takes how long?
        answer: 18 ms
        unit: ms
        ```

        ```explain
        Eighteen milliseconds.
        ```
        """

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("quiz-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.lesson.write(to: folder.appendingPathComponent("01-quiz.md"), atomically: true, encoding: .utf8)
    }

    func session(_ lines: [String], learner: String = "ada") throws -> PoolschoolProcess.Result {
        try PoolschoolProcess.run(
            ["--lessons", folder.path], input: lines.joined(separator: "\n") + "\n",
            environment: ["POOLSCHOOL_LEARNER": learner])
    }

    /// The letter `text` is shown under on the page.
    func shownLetter(of text: String, in page: String) -> String? {
        page.split(separator: "\n").first { $0.hasSuffix(") " + text) }.map { String($0.prefix(1)) }
    }

    @Test func theRightChoiceSitsUnderDifferentLettersForDifferentLearnersAndStaysPut() throws {
        var letters: Set<String> = []
        for learner in ["ada", "grace", "alan", "edsger", "barbara", "donald", "ken", "dennis"] {
            let first = try session(["open 01-quiz"], learner: learner)
            let letter = try #require(shownLetter(of: "statement pooling", in: first.stdout), "\(first.stdout)")
            let again = try session(["open 01-quiz"], learner: learner)
            #expect(shownLetter(of: "statement pooling", in: again.stdout) == letter, "stable for \(learner)")
            let answered = try session(["open 01-quiz", letter, "progress"], learner: learner)
            #expect(answered.stdout.contains("✓ Right."), "\(learner) answers with the letter shown")
            letters.insert(letter)
        }
        #expect(letters.count >= 3, "the right answer's position gives nothing away: \(letters)")
    }

    @Test func anExplainedQuestionStaysExplainedWhateverIsTypedAfter() throws {
        let result = try session(["open 01-quiz", "explain", "answer mode statement pooling", "progress"])
        #expect(result.stdout.contains("Only statement mode refuses it."))
        #expect(result.stdout.contains("stays counted as explained"))
        #expect(result.stdout.contains("ada: 0 of 2 questions right, 1 explained, 1 to go."))
    }

    @Test func aBareExplainAfterARightAnswerExplainsThatAnswerNotTheNext() throws {
        let result = try session(["open 01-quiz", "statement pooling", "explain", "progress"])
        #expect(result.stdout.contains("Only statement mode refuses it.\nNext question: setup."))
        #expect(result.stdout.contains("ada: 1 of 2 questions right, 0 explained, 1 to go."), "\(result.stdout)")
    }

    @Test func aBareLineWithNoOpenQuestionSaysSo() throws {
        let result = try session(["open 01-quiz", "explain", "explain", "1303", "hint", "explain"])
        #expect(
            result.stderr.contains(
                "no open question on this page (all answered or explained) to answer '1303'; 'answer QID VALUE' answers one by its id"
            ), "\(result.stderr)")
        #expect(result.stderr.contains("no open question on this page; 'hint QID' shows a hint for one by its id"))
        #expect(!result.stderr.contains("did you mean"))
    }

    @Test func aMistypedCommandWithAQuestionOpenGetsTheSuggestionNotAnAnswerFormat() throws {
        let result = try session(["open 01-quiz", "hlep", "progress"])
        #expect(
            result.stderr.contains(
                "unknown command 'hlep'; did you mean 'help'? (to answer question 'mode', type 'answer VALUE')"),
            "\(result.stderr)")
        // Not taken as an answer (which would say how to write one).
        #expect(!result.stderr.contains("did not count as a try"), "\(result.stderr)")
        // A word that is an answer's shape still answers: a choice letter.
        let letter = try session(["open 01-quiz", "b"])
        #expect(!letter.stderr.contains("unknown command"), "\(letter.stderr)")
    }

    @Test func aUnitSlipSaysWhichUnitAndCostsNoTry() throws {
        let result = try session(["open 01-quiz", "explain mode", "0.018", "18"])
        #expect(
            result.stdout.contains(
                "✗ check the units: 0.018 would be right in s, but the question asks in ms (this did not count as a try)."
            ), "\(result.stdout)")
        #expect(result.stdout.contains("✓ Right."))
        #expect(!result.stdout.contains("Hint"), "no try was spent, so no hint was given")
    }
}
