import Testing

@testable import Course

/// Shuffled choices, unit slips, sensible rounding and the lint checks that keep keys fair.
@Suite struct FairQuizTests {
    func numeric(_ answer: String, unit: String, tolerance: String? = nil) throws -> Question {
        var yaml = "id: q\nkind: numeric\nprompt: p\nanswer: \"\(answer)\"\nunit: \"\(unit)\"\n"
        if let tolerance { yaml += "tolerance: \"\(tolerance)\"\n" }
        return try #require(LessonFixtures.question(yaml))
    }

    @Test func shownLettersMapToAuthoredChoices() throws {
        let question = try #require(
            LessonFixtures.question(
                "id: q\nkind: multi\nprompt: p\nchoices: [SET, LISTEN, NOTIFY, PREPARE]\nanswer: [a, b, d]\n"))
        // Shown as: a) NOTIFY, b) PREPARE, c) SET, d) LISTEN.
        let checker = AnswerChecker(choiceOrder: [2, 3, 0, 1])
        #expect(checker.check("b c d", for: question) == .correct)
        #expect(checker.check("SET, LISTEN, PREPARE", for: question) == .correct)
        #expect(checker.check("a b d", for: question) == .close("2 of 3 right, 1 wrong chosen"))
    }

    @Test func hiddenChoiceKeysHashTheAuthoredLetterNotTheShownOne() throws {
        let digest = AnswerHash.hex(salt: "pepper", normalisedAnswer: "c")
        let question = try #require(
            LessonFixtures.question(
                "id: q\nkind: choice\nprompt: p\nchoices: [x, y, z]\nanswer-hash: sha256:\(digest)\nsalt: pepper\n"))
        // Shown as: a) z, b) x, c) y.
        let checker = AnswerChecker(choiceOrder: [2, 0, 1])
        #expect(checker.check("a", for: question) == .correct)
        #expect(checker.check("z", for: question) == .correct)
        #expect(checker.check("c", for: question) == .wrong(""))
    }

    @Test(arguments: [
        ("18 ms", "ms", "0.018"), ("2 min", "min", "120"), ("400 /s", "/s", "24000"), ("3 MB", "MB", "3000000"),
        ("0.75", "fraction", "75"), ("1.5 s", "s", "1500"),
    ])
    func unitSlipsOfTheFamilyCostNoTry(key: String, unit: String, typed: String) throws {
        let verdict = AnswerChecker().check(typed, for: try numeric(key, unit: unit))
        guard case .unitSlip(let message) = verdict else {
            Issue.record("\(typed) for \(key): \(verdict)")
            return
        }
        #expect(message.contains(unit == "fraction" ? "fraction" : unit), "\(message)")
    }

    @Test(arguments: [("18 ms", "ms", "1.8"), ("18 ms", "ms", "180"), ("20", "connections", "200"), ("20", "", "2")])
    func otherPowersOfTenAreWrongNotSlips(key: String, unit: String, typed: String) throws {
        let verdict = AnswerChecker().check(typed, for: try numeric(key, unit: unit))
        #expect(verdict == .wrong(""), "\(typed) for \(key)")
    }

    @Test func sensibleRoundingIsAcceptedByDefault() throws {
        let third = try numeric("33.3333", unit: "")
        for typed in ["33", "33.3", "33.33", "33.333"] {
            #expect(AnswerChecker().check(typed, for: third) == .correct, "\(typed)")
        }
        #expect(AnswerChecker().check("30", for: third) != .correct)
        // A key that is already round accepts only itself.
        #expect(AnswerChecker().check("21", for: try numeric("20", unit: "connections")) != .correct)
        // Judged in the question's unit: 12.5 min rounds to 13 min, though it is 750 s.
        #expect(AnswerChecker().check("13", for: try numeric("12.5 min", unit: "min")) == .correct)
        // A tolerance tighter than rounding still accepts the rounded key; `exact` does not.
        #expect(AnswerChecker().check("33", for: try numeric("33.3333", unit: "", tolerance: "0.01")) == .correct)
        #expect(AnswerChecker().check("33", for: try numeric("33.3333", unit: "", tolerance: "exact")) != .correct)
    }

    @Test func promptPrecision() {
        #expect(PromptPrecision.of("Give it to one decimal place.") == .decimalPlaces(1))
        #expect(PromptPrecision.of("to 3 significant figures") == .significantFigures(3))
        #expect(PromptPrecision.of("the largest whole number of connections") == .decimalPlaces(0))
        #expect(PromptPrecision.of("How long?") == .significantFigures(2))
    }

    @Test func lintReportsAKeyWhoseBandExcludesTheRoundingThePromptAsksFor() {
        let body =
            "```question\nid: q\nkind: numeric\nprompt: \"How many, to two decimal places?\"\nanswer: 0.012345\nunit: \"\"\n```\n"
        #expect(
            LessonFixtures.lint(body) == [
                "11: question 'q' rejects '0.01', its answer 0.0123 rounded to 2 decimal places as its prompt asks; widen its tolerance or say the precision in the prompt"
            ])
        let exact = "```question\nid: q\nkind: numeric\nprompt: p\nanswer: 4.1667\nunit: \"\"\ntolerance: exact\n```\n"
        #expect(LessonFixtures.lint(exact).first?.contains("rejects '4.2', its answer 4.1667 rounded") == true)
        let fine = "```question\nid: q\nkind: numeric\nprompt: p\nanswer: 4.1667\nunit: \"\"\n```\n"
        #expect(LessonFixtures.lint(fine).isEmpty)
    }

    @Test func lintReportsExplanationsThatNameChoicesByLetter() {
        let body =
            "```question\nid: q\nkind: choice\nprompt: p\nchoices: [x, y, z]\nanswer: b\n```\n\n```explain\nIt is y (b), not x.\n```\n"
        #expect(
            LessonFixtures.lint(body) == [
                "16: question 'q' refers to a choice by its letter, '(b)', but each learner sees the choices in another order; name the choice instead"
            ])
    }
}
