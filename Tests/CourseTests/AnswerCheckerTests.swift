import Testing

@testable import Course

@Suite struct AnswerCheckerTests {
    func numeric(_ answer: String, unit: String, tolerance: String? = nil) throws -> Question {
        var yaml = "id: q\nkind: numeric\nprompt: p\nanswer: \"\(answer)\"\nunit: \"\(unit)\"\n"
        if let tolerance { yaml += "tolerance: \"\(tolerance)\"\n" }
        return try #require(LessonFixtures.question(yaml))
    }

    @Test(arguments: ["75", "75%", "75 %", "0.75 fraction", "75.2"])
    func acceptsWhatPeopleTypeForAPercentage(typed: String) throws {
        let question = try numeric("75%", unit: "%", tolerance: "0.5")
        #expect(AnswerChecker().check(typed, for: question) == .correct)
    }

    @Test func aFractionQuestionTakesPlainDecimalsAndPercentages() throws {
        let question = try numeric("0.75", unit: "fraction")
        #expect(AnswerChecker().check("0.75", for: question) == .correct)
        #expect(AnswerChecker().check("75%", for: question) == .correct)
    }

    @Test(arguments: ["18ms", "18 ms", "0.018 s", "0.018s", "18000 us", "18"])
    func convertsTimeUnits(typed: String) throws {
        let question = try numeric("18 ms", unit: "ms")
        #expect(AnswerChecker().check(typed, for: question) == .correct)
    }

    @Test func acceptsThousandsSeparators() throws {
        let question = try numeric("1200", unit: "connections")
        #expect(AnswerChecker().check("1,200", for: question) == .correct)
        #expect(AnswerChecker().check("3.2", for: try numeric("3.2", unit: "")) == .correct)
    }

    @Test func tellsAUnitSlipFromAWrongAnswer() throws {
        let question = try numeric("18 ms", unit: "ms")
        #expect(
            AnswerChecker().check("0.018", for: question)
                == .unitSlip("check the units: 0.018 would be right in s, but the question asks in ms"))
        #expect(
            AnswerChecker().check("18 s", for: question)
                == .unitSlip("check the units: 18 is right in ms, not in s"))
        #expect(
            AnswerChecker().check("19", for: question)
                == .close("close, but outside the tolerance; check your arithmetic"))
        #expect(AnswerChecker().check("40", for: question) == .wrong(""))
    }

    @Test func aFractionTypedForAPercentIsAUnitSlip() throws {
        let question = try numeric("75%", unit: "%", tolerance: "0.5")
        #expect(
            AnswerChecker().check("0.75", for: question)
                == .unitSlip("0.75 is a fraction; the question asks in %, as in 50% for a half"))
    }

    @Test func relativeTolerance() throws {
        let question = try numeric("400", unit: "/s", tolerance: "2%")
        #expect(AnswerChecker().check("408", for: question) == .correct)
        #expect(AnswerChecker().check("409", for: question) != .correct)
    }

    @Test func unreadableAnswersSayWhatIsExpected() throws {
        let question = try numeric("18 ms", unit: "ms")
        #expect(
            AnswerChecker().check("lots", for: question)
                == .unreadable("'lots' is not a number; type one such as 75, 75%, 18 ms or 1,200"))
        #expect(
            AnswerChecker().check("18 parsecs", for: question)
                == .unreadable("unknown unit 'parsecs'; answer in ms or a unit like it"))
        #expect(
            AnswerChecker().check("18 MiB", for: question)
                == .unitSlip("that is an amount of data; the question asks for a time, in ms"))
    }

    @Test func expressionsUseTheLearnersParams() throws {
        let question = try numeric("= setup / (setup + query)", unit: "%", tolerance: "0.5")
        let checker = AnswerChecker(values: [
            "setup": Quantity(18, unit: Unit.named("ms")!), "query": Quantity(6, unit: Unit.named("ms")!),
        ])
        #expect(checker.check("75%", for: question) == .correct)
        #expect(checker.check("25%", for: question) != .correct)
    }

    @Test func choicesByLetterOrText() throws {
        let question = try #require(
            LessonFixtures.question(
                "id: q\nkind: choice\nprompt: p\nchoices: [session, transaction, statement]\nanswer: c\n"))
        for typed in ["c", "C", "c)", "statement", "  Statement "] {
            #expect(AnswerChecker().check(typed, for: question) == .correct, "\(typed)")
        }
        #expect(AnswerChecker().check("a", for: question) == .wrong(""))
        #expect(
            AnswerChecker().check("z", for: question) == .unreadable("answer with a letter (a–c) or a choice's text"))
    }

    @Test func multiNeedsAllAndOnlyTheRightOnes() throws {
        let question = try #require(
            LessonFixtures.question(
                "id: q\nkind: multi\nprompt: p\nchoices: [SET, LISTEN, NOTIFY, PREPARE]\nanswer: [a, b, d]\n"))
        for typed in ["a b d", "d,a,b", "abd", "SET, LISTEN, PREPARE"] {
            #expect(AnswerChecker().check(typed, for: question) == .correct, "\(typed)")
        }
        #expect(AnswerChecker().check("a b", for: question) == .close("2 of 3 right, 0 wrong chosen"))
        #expect(AnswerChecker().check("a b c d", for: question) == .close("3 of 3 right, 1 wrong chosen"))
        #expect(AnswerChecker().check("c", for: question) == .wrong("0 of 3 right, 1 wrong chosen"))
    }

    @Test func textByAcceptedFormsAndPatterns() throws {
        let question = try #require(
            LessonFixtures.question(
                "id: q\nkind: text\nprompt: p\naccept: [Little's law]\npatterns: [\"little'?s? +law\", \"l *= *λ *w\"]\n"
            ))
        for typed in ["Little's law", "little's   LAW.", "littles law", "L = λW"] {
            #expect(AnswerChecker().check(typed, for: question) == .correct, "\(typed)")
        }
        #expect(AnswerChecker().check("Amdahl's law", for: question) == .wrong(""))
    }

    @Test func orderAnswersReferToTheLettersAsShown() throws {
        let question = try #require(
            LessonFixtures.question("id: q\nkind: order\nprompt: p\nitems: [tcp, tls, auth, query]\n"))
        // Shown as: a) auth, b) tcp, c) query, d) tls.
        let checker = AnswerChecker(presented: [2, 0, 3, 1])
        #expect(checker.check("b d a c", for: question) == .correct)
        #expect(checker.check("a b c d", for: question) == .wrong(""))
        #expect(
            checker.check("a b", for: question) == .unreadable("give every letter a–d once, in order, e.g. 'a … d'"))
    }

    @Test func hiddenKeysCompareTheSaltedHash() throws {
        let digest = AnswerHash.hex(salt: "pepper", normalisedAnswer: "c")
        let question = try #require(
            LessonFixtures.question(
                "id: q\nkind: choice\nprompt: p\nchoices: [x, y, z]\nanswer-hash: sha256:\(digest)\nsalt: pepper\n"))
        #expect(AnswerChecker().check("c", for: question) == .correct)
        #expect(AnswerChecker().check("z", for: question) == .correct)
        #expect(AnswerChecker().check("b", for: question) == .wrong(""))
        let number = try #require(
            LessonFixtures.question(
                "id: q\nkind: numeric\nprompt: p\nunit: ms\nanswer-hash: sha256:\(AnswerHash.hex(salt: "s", normalisedAnswer: "18"))\nsalt: s\n"
            ))
        #expect(AnswerChecker().check("0.018 s", for: number) == .correct)
        #expect(AnswerChecker().check("17", for: number) == .wrong(""))
    }

    @Test func sha256MatchesTheStandardVectors() {
        #expect(SHA256.hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(
            SHA256.hex(String(repeating: "a", count: 1000))
                == "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3")
    }
}
