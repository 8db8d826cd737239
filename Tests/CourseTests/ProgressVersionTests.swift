import Foundation
import Testing

@testable import Course

/// Progress tied to question versions: reconciling with changed lessons, merging two shells' saves across a
/// change, and reading files from before versions.
@Suite struct ProgressVersionTests {
    static func lesson(_ prompt: String) throws -> Lesson {
        try #require(
            LessonFixtures.lesson("```question\nid: q\nkind: text\nprompt: \(prompt)\naccept: [yes]\n```\n").lesson)
    }

    static func solved(_ version: String?, attempts: Int = 2) -> QuestionProgress {
        var record = QuestionProgress()
        record.attempts = attempts
        record.solved = true
        record.version = version
        return record
    }

    @Test func aVersionDependsOnWhatDefinesTheQuestionNotOnItsHints() throws {
        let first = try Self.lesson("Is it?")
        let reworded = try #require(
            LessonFixtures.lesson(
                "```question\nid: q\nkind: text\nprompt: Is it?\naccept: [yes]\n```\n\n```hint\nNew.\n```\n"
            ).lesson)
        let changed = try Self.lesson("Is it really?")
        let version = first.version(of: first.questions[0])
        #expect(version.count == 12)
        #expect(reworded.version(of: reworded.questions[0]) == version)
        #expect(changed.version(of: changed.questions[0]) != version)
    }

    @Test func reconcilingStampsOldRecordsAndStartsChangedOnesAfresh() throws {
        let lesson = try Self.lesson("Is it?")
        var legacy = Progress(learner: "a")
        legacy.update("t", "q") { $0 = Self.solved(nil) }
        #expect(legacy.reconcile(with: [lesson]).isEmpty)
        #expect(legacy.question("t", "q").solved)
        #expect(legacy.question("t", "q").version == lesson.version(of: lesson.questions[0]))

        let changed = try Self.lesson("Is it really?")
        let found = legacy.reconcile(with: [changed])
        #expect(found.map(\.question) == ["q"])
        let record = legacy.question("t", "q")
        #expect(!record.solved && record.attempts == 0 && record.changedSinceAnswered)
        #expect(record.earlier.map(\.solved) == [true])
        #expect(record.version == changed.version(of: changed.questions[0]))
    }

    @Test func aSaveOfAnEarlierVersionDoesNotUndoTheChange() throws {
        var mine = Progress(learner: "a")
        var fresh = QuestionProgress()
        fresh.version = "new"
        fresh.earlier = [Self.solved("old")]
        mine.update("t", "q") { $0 = fresh }
        var disk = Progress(learner: "a")
        disk.update("t", "q") { $0 = Self.solved("old", attempts: 5) }
        let merged = mine.merged(with: disk).question("t", "q")
        #expect(!merged.solved && merged.attempts == 0)
        #expect(merged.earlier.count == 1)
        // The same version in both: counts merge as before.
        var other = Progress(learner: "a")
        var same = Self.solved("new", attempts: 4)
        same.solved = false
        other.update("t", "q") { $0 = same }
        #expect(mine.merged(with: other).question("t", "q").attempts == 4)
    }

    @Test func aFileFromBeforeVersionsDecodes() throws {
        let json = """
            {"version": 1, "learner": "a", "page": 0, "lessons": {"t": {"pagesSeen": [0],
             "questions": {"q": {"attempts": 1, "solved": true, "hintsShown": 0, "revealed": false}}}}}
            """
        let progress = try JSONDecoder().decode(Progress.self, from: Data(json.utf8))
        #expect(progress.question("t", "q").solved)
        #expect(progress.question("t", "q").version == nil)
        #expect(progress.lessons["t"]?.labs.isEmpty == true)
    }
}
