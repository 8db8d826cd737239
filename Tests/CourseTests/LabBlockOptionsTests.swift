import Testing

@testable import Course

/// A lab block's optional keys: each read when right, and each mistake reported at its line.
@Suite struct LabBlockOptionsTests {
    static let question = "```question\nid: wait\nkind: numeric\nprompt: p\nanswer: 175\n```\n\n"

    @Test func aFullLabReadsItsIDModePredictionExplanationAndSamples() throws {
        let parsed = LessonFixtures.lesson(
            Self.question
                + "```lab\nid: desk\nscenario: reservation-desk\npredict: wait\nsteps:\n  - config max_size=<size>\n  - burst 200\nsample: {size: 40}\nexpect:\n  - active >= 40\nexplain: Why.\n```\n"
        )
        #expect(parsed.diagnostics.isEmpty)
        let lab = try #require(
            parsed.lesson?.pages.first?.blocks.compactMap { block -> LabBlock? in
                if case .lab(let lab) = block { return lab }
                return nil
            }.first)
        #expect(lab.id == "desk")
        #expect(lab.predict == "wait")
        #expect(lab.explain == "Why.")
        #expect(lab.steps == ["config max_size=<size>", "burst 200"])
        #expect(lab.sampleSteps == ["config max_size=40", "burst 200"])
        #expect(
            LessonFixtures.lint(
                Self.question + "```lab\nscenario: reservation-desk\npredict: wait\nexpect:\n  - waiting >= 1\n```\n"
            ).isEmpty)
    }

    @Test func aLabWithoutAnIDIsNamedAfterItsScenario() throws {
        let lesson = try #require(LessonFixtures.lesson("```lab\nscenario: reservation-desk\n```\n").lesson)
        #expect(lesson.labIDs == ["reservation-desk"])
    }

    @Test func aModeThatIsNotAPoolModeIsNamed() {
        #expect(
            LessonFixtures.lint("```lab\nscenario: reservation-desk\nmode: transactions\n```\n") == [
                "9: lab mode 'transactions' is not a PgBouncer pool mode; use session, transaction, statement"
            ])
    }

    @Test func aBlankWithoutASampleAndASampleWithoutABlankAreReported() {
        #expect(
            LessonFixtures.lint("```lab\nscenario: reservation-desk\nsteps:\n  - config max_size=<size>\n```\n") == [
                "10: lab step blank '<size>' has no sample; add 'sample: {size: VALUE}', the value lint runs"
            ])
        #expect(
            LessonFixtures.lint(
                "```lab\nscenario: reservation-desk\nsteps:\n  - config max_size=<size>\nsample: {size: 4, sise: 5}\n```\n"
            ) == ["11: lab sample 'sise' fills no blank; a step names it as '<sise>'"])
    }

    @Test func aPredictionMustBeAQuestionAskedBeforeTheLab() {
        #expect(
            LessonFixtures.lint(
                Self.question + "```lab\nscenario: reservation-desk\npredict: wiat\nexpect:\n  - waiting >= 1\n```\n")
                == ["16: lab predict 'wiat' is not a question asked before this lab; did you mean 'wait'?"])
        #expect(
            LessonFixtures.lint(
                "```lab\nscenario: reservation-desk\npredict: wait\nexpect:\n  - waiting >= 1\n```\n\n" + Self.question)
                == ["9: lab predict 'wait' is asked after the lab; put the question before it"])
    }

    @Test func twoLabsWithOneIDAreReportedAtTheSecond() throws {
        #expect(
            LessonFixtures.lint(
                "```lab\nid: desk\nscenario: reservation-desk\nexpect:\n  - waiting >= 1\n```\n\n```lab\nid: desk\nscenario: reservation-desk\nexpect:\n  - waiting >= 1\n```\n"
            ) == ["15: two labs named 'desk' (also at line 8); give each an 'id:' of its own"])
        let unnamed = try #require(
            LessonFixtures.lesson(
                "```lab\nscenario: reservation-desk\n```\n\n```lab\nscenario: reservation-desk\n```\n"
            )
            .lesson)
        #expect(unnamed.labIDs == ["reservation-desk", "reservation-desk-2"], "unnamed labs are numbered, not errors")
        #expect(
            LessonFixtures.lint(
                "```lab\nscenario: reservation-desk\nexpect:\n  - waiting >= 1\n```\n\n```lab\nscenario: reservation-desk\nexpect:\n  - waiting >= 1\n```\n"
            ).isEmpty)
        #expect(
            LessonFixtures.lint(
                "```lab\nscenario: reservation-desk\nexpect:\n  - waiting >= 1\n```\n\n```lab\nid: again\nscenario: reservation-desk\nexpect:\n  - waiting >= 1\n```\n"
            ).isEmpty)
    }
}
