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
                "---\nid: t\ntitle: T\norder: 1\nsources: [s.txt]\n---\n```lab\nscenario: reservation-desk\nsteps:\n  - burst 200\n  - release nobody\nexpect:\n  - waiting == 174\n  - nonsense > 1\n```\n",
                file: "t.md"
            ).lesson?.pages.first?.blocks.first)
        guard case .lab(let lab) = block else {
            Issue.record("expected a lab block")
            return
        }
        // After a step fails, the expectations would only fail with it: the step is the one message.
        #expect(
            LabBlockRunner.lint(lab) == [
                "lab step 'release nobody' failed: no borrower named \"nobody\" (there are none; start with borrow nobody)"
            ])
        let problems = LabBlockRunner.lintProblems(
            try #require(
                LessonParser.parse(
                    "---\nid: t\ntitle: T\norder: 1\nsources: [s.txt]\n---\n```lab\nscenario: reservation-desk\nsteps:\n  - burst 200\nexpect:\n  - waiting == 174\n  - nonsense > 1\n```\n",
                    file: "t.md"
                ).lesson?.pages.first?.blocks.first.flatMap { block -> LabBlock? in
                    if case .lab(let lab) = block { return lab }
                    return nil
                }))
        #expect(problems.map(\.line) == [12, 13])
        #expect(
            problems.map(\.message) == [
                "lab expectation 'waiting == 174' does not hold after the steps: it is 175",
                "lab expectation 'nonsense > 1': unknown metric 'nonsense'; use active, idle, waiting, total, pending, created, closed, borrows, waited, timeouts, validations_failed, leaks_reported, db_connections, db_refused, time_s",
            ])
    }
}

/// The allow-list of lab steps names lab commands only, and every shipped lesson keeps to it.
@Suite struct LabStepAllowListTests {
    @Test func everyAllowedStepIsALabCommandAndNothingElse() {
        for name in LabSteps.commands {
            let command = CommandTable.standard.command(named: name)
            #expect(command?.group == .lab, "\(name)")
        }
        #expect(LabBlockRunner.table.command(named: "check") == nil)
        #expect(LabBlockRunner.table.command(named: "replay") == nil)
        #expect(LabBlockRunner.table.command(named: "lab") == nil)
    }

    @Test func everyShippedLabStepIsAllowed() {
        for lesson in CourseCatalog.load(folder: ShippedLessonsTests.folder).lessons {
            for page in lesson.pages {
                for case .lab(let lab) in page.blocks {
                    for step in lab.steps { #expect(LabSteps.problem(step) == nil, "\(lesson.id): \(step)") }
                }
            }
        }
    }
}
