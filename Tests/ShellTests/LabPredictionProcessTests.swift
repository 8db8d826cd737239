import Foundation
import Testing

/// A lab as a learner meets it through the real executable: the prediction first, a value of their own
/// choosing, two labs on one page, and the pass kept in progress across restarts.
@Suite(.timeLimit(.minutes(1))) struct LabPredictionProcessTests {
    static let lesson = """
        ---
        id: 01-desk
        title: Desk
        order: 1
        sources: [s.txt]
        ---

        ```question
        id: wait
        kind: numeric
        prompt: 200 requests reach a pool of 25 at once. How many wait?
        answer: 175
        ```

        ```lab
        id: desk-size
        scenario: reservation-desk
        predict: wait
        steps:
          - config max_size=<size>
          - burst 200
        sample: {size: 60}
        expect:
          - active >= 50
        observe: A bigger desk seats more at once.
        explain: The queue is what the pool cannot seat; grow the pool and it shrinks by as much.
        ```

        ```lab
        id: desk-burst
        scenario: reservation-desk
        steps:
          - burst 200
        expect:
          - waiting == 175
        ```
        """

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("labs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Self.lesson.write(to: folder.appendingPathComponent("01-desk.md"), atomically: true, encoding: .utf8)
    }

    func session(_ lines: [String], home: URL? = nil) throws -> PoolschoolProcess.Result {
        var environment = ["POOLSCHOOL_LEARNER": "ada"]
        if let home { environment["POOLSCHOOL_HOME"] = home.path }
        return try PoolschoolProcess.run(
            ["--lessons", folder.path], input: lines.joined(separator: "\n") + "\n", environment: environment)
    }

    @Test func thePageAsksForThePredictionAndNamesBothLabsWithoutTheirExpectations() throws {
        let result = try session(["open 01-desk"])
        let page = result.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(page.contains("Lab desk-size: first answer question wait, your prediction;"), "\(page)")
        #expect(page.contains("config max_size=<size>, burst 200 (choose <size> yourself)"))
        #expect(page.contains("lab check desk-burst"))
        #expect(!result.stdout.contains("175"), "the page must not print the figure the learner predicts")
    }

    @Test func theCheckWaitsForThePredictionThenShowsItBesideTheResult() throws {
        let early = try session(["open 01-desk", "lab reservation-desk", "burst 200", "lab check desk-size"])
        #expect(early.status == 1)
        #expect(early.stderr.contains("first predict: answer question 'wait'"))
        #expect(!early.stdout.contains("active >= 50"), "no figure before the prediction")

        let result = try session([
            "open 01-desk", "answer wait 150", "answer wait 175", "lab reservation-desk", "config max_size=60",
            "burst 200", "lab check desk-size",
        ])
        #expect(result.stdout.contains("✓ active >= 50 (it is 60)"), "\(result.stdout)")
        #expect(result.stdout.contains("A bigger desk seats more at once."))
        #expect(result.stdout.contains("You predicted: 150 (your first answer to 'wait')."))
        #expect(result.stdout.contains("The queue is what the pool cannot seat"))
    }

    @Test func theScenarioDemonstrationWaitsForThePrediction() throws {
        let early = try session(["open 01-desk", "lab reservation-desk"])
        #expect(early.stdout.contains("The demonstration waits until you have answered 'wait'"))
        #expect(!early.stdout.contains("» burst 200"), "the demonstration shows the figure to predict")
        let after = try session(["open 01-desk", "answer wait 175", "lab reservation-desk"])
        #expect(after.stdout.contains("» burst 200"), "\(after.stdout)")
    }

    @Test func anyPoolThatMeetsTheTargetPassesAndOneThatDoesNotFails() throws {
        for size in [50, 80] {
            let result = try session([
                "open 01-desk", "answer wait 175", "lab reservation-desk", "config max_size=\(size)", "burst 200",
                "lab check desk-size",
            ])
            #expect(result.status == 0, "size \(size): \(result.stdout)")
        }
        let small = try session([
            "open 01-desk", "answer wait 175", "lab reservation-desk", "config max_size=30", "burst 200",
            "lab check desk-size",
        ])
        #expect(small.status == 1)
        #expect(small.stdout.contains("✗ active >= 50 (it is 30)"), "\(small.stdout)")
        #expect(
            small.stderr.contains("not yet: run config max_size=<size>, burst 200 in a fresh 'lab reservation-desk'"))
    }

    @Test func aSecondLabOnThePageIsCheckedByItsIDAndUnknownIDsAreNamed() throws {
        let result = try session(["open 01-desk", "lab reservation-desk", "burst 200", "lab check desk-burst"])
        #expect(result.status == 0, "\(result.stdout)")
        #expect(result.stdout.contains("✓ waiting == 175"))
        let wrong = try session(["open 01-desk", "lab check desk-bust"])
        #expect(wrong.status == 2)
        #expect(wrong.stderr.contains("no lab 'desk-bust' on this page; its labs: desk-size, desk-burst"))
    }

    @Test func aPassedLabIsKeptInProgressAcrossRestarts() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("labhome-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let first = try session(
            ["open 01-desk", "lab reservation-desk", "burst 200", "lab check desk-burst", "progress"], home: home)
        #expect(first.stdout.contains("Labs: 1 of 2 checked."), "\(first.stdout)")
        let again = try session(["progress"], home: home)
        #expect(again.stdout.contains("Labs: 1 of 2 checked."), "\(again.stdout)")
    }

    @Test func progressSavedBeforeLabsWereRecordedStillLoads() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("oldhome-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let old = """
            {"version":1,"learner":"ada","lesson":"01-desk","page":0,"lessons":{"01-desk":{"pagesSeen":[0],\
            "questions":{"wait":{"attempts":1,"solved":true,"hintsShown":0,"revealed":false}}}}}
            """
        try old.write(to: home.appendingPathComponent("progress.json"), atomically: true, encoding: .utf8)
        let result = try session(["progress"], home: home)
        #expect(result.stdout.contains("ada: 1 of 1 questions right"), "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("Labs: 0 of 2 checked."))
    }
}
