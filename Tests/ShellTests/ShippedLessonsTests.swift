import Course
import Foundation
import Testing

@testable import Shell

/// The course as shipped: every lesson lints clean with the lab's scenarios, and its labs hold.
@Suite struct ShippedLessonsTests {
    static let folder = PoolschoolProcess.packageRoot.appendingPathComponent("Lessons").path

    @Test func everyShippedLessonLintsCleanWithItsLabsRun() {
        let catalog = CourseCatalog.load(folder: Self.folder)
        #expect(catalog.lessons.count >= 16)
        let problems = CourseCommandLine.linter.lint(catalog).map(\.description)
        #expect(problems.isEmpty, "\(problems.joined(separator: "\n"))")
    }

    @Test func everyLessonNamesSeedFilesAndHasQuestions() {
        for lesson in CourseCatalog.load(folder: Self.folder).lessons {
            #expect(!lesson.sources.isEmpty && lesson.sources.allSatisfy { $0.hasSuffix(".txt") }, "\(lesson.id)")
            #expect(lesson.questions.count >= 3, "\(lesson.id) has \(lesson.questions.count) questions")
        }
    }

    @Test func aLabExpectationThatDoesNotHoldIsReportedOnItsBlock() throws {
        let block = try #require(
            LessonParser.parse(
                "---\nid: t\ntitle: T\norder: 1\nsources: [s.txt]\n---\n```lab\nscenario: reservation-desk\nsteps:\n  - burst 200\n  - borow\nexpect:\n  - waiting == 174\n  - nonsense > 1\n```\n",
                file: "t.md"
            ).lesson?.pages.first?.blocks.first)
        guard case .lab(let lab) = block else {
            Issue.record("expected a lab block")
            return
        }
        #expect(
            LabBlockRunner.lint(lab) == [
                "lab step 'borow' failed: unknown command 'borow'; did you mean 'borrow'?",
                "lab expectation waiting == 174 (it is 175)",
                "lab expectation 'nonsense > 1': unknown metric 'nonsense'; use active, idle, waiting, total, pending, created, closed, borrows, waited, timeouts, validations_failed, leaks_reported, db_connections, db_refused, time_s",
            ])
    }
}
