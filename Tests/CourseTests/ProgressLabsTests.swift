import Foundation
import Testing

@testable import Course

/// Lab passes and first answers in the progress file: kept by a merge, absent from older files.
@Suite struct ProgressLabsTests {
    @Test func aMergeKeepsTheLabsEitherShellPassedAndTheFirstAnswerGiven() {
        var mine = Progress(learner: "ada")
        mine.lessons["01", default: LessonProgress()].labs = ["fleet-ceiling"]
        mine.update("01", "q") { $0.firstAnswer = "150" }
        var theirs = Progress(learner: "ada")
        theirs.lessons["01", default: LessonProgress()].labs = ["other"]
        theirs.update("01", "q") { $0.firstAnswer = "175" }
        let merged = mine.merged(with: theirs)
        #expect(merged.lessons["01"]?.labs == ["fleet-ceiling", "other"])
        #expect(merged.question("01", "q").firstAnswer == "150", "the first answer this shell saw stays first")
        #expect(Progress(learner: "ada").merged(with: theirs).question("01", "q").firstAnswer == "175")
    }

    @Test func aLessonSavedWithoutLabsLoadsWithNoneAndOneWithoutPagesIsStillRefused() throws {
        let old = Data(#"{"pagesSeen":[0],"questions":{}}"#.utf8)
        #expect(try JSONDecoder().decode(LessonProgress.self, from: old).labs.isEmpty)
        let broken = Data(#"{"questions":{},"labs":["x"]}"#.utf8)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(LessonProgress.self, from: broken) }
        let saved = try JSONEncoder().encode(LessonProgress())
        #expect(String(decoding: saved, as: UTF8.self).contains("\"labs\""))
    }
}
