import Testing

@testable import Course

/// Answer patterns that would backtrack for ever are refused; ordinary ones are not.
@Suite struct PatternGuardTests {
    @Test(arguments: [
        "(borrow|acquire|acquisition|checkout|wait|pool|lease)( |_|-)?time ?out", "statement( mode)?", "(?:ab)+c",
        "[a-z]+ timeout", "a{2,5}b", "max_?(size|connections)", "\\(x+\\)+",
    ])
    func ordinaryPatternsPass(pattern: String) {
        #expect(PatternGuard.problem(pattern) == nil, "\(pattern)")
    }

    @Test(arguments: ["(a+)+b", "(a|a)*b", "(?:a*)*", "((ab)+)+", "(x?)+y", "a*a*a*a*b", "(a|b){2,}c"])
    func catastrophicPatternsAreRefused(pattern: String) {
        #expect(PatternGuard.problem(pattern) != nil, "\(pattern)")
    }

    @Test func aLongAnswerIsNotMatchedAgainstPatterns() throws {
        let lesson = """
            ---
            id: t
            title: T
            order: 1
            sources: [a.txt]
            ---
            ```question
            id: q
            kind: text
            prompt: p
            patterns: ["a+b"]
            ```
            """
        let question = try #require(LessonParser.parse(lesson, file: "t.md").lesson?.questions.first)
        let checker = AnswerChecker(values: [:], presented: [])
        #expect(checker.check("aab", for: question) == .correct)
        #expect(checker.check(String(repeating: "a", count: 300) + "b", for: question) != .correct)
    }
}

/// The exercise catalog is YAML an instructor writes: bounded the same way as a lesson's.
@Suite struct ExerciseCatalogGuardTests {
    @Test func aliasesInTheCatalogAreRefusedAtTheirLine() {
        let catalog = ExerciseCatalog.parse("exercises:\n  - &a {name: x}\n  - *a\n", path: "exercises.yaml")
        #expect(catalog.exercises.isEmpty)
        #expect(
            catalog.diagnostics.map(\.description) == [
                "exercises.yaml:2: YAML anchors and aliases ('&name', '*name') are not accepted; write the value out"
            ])
    }
}

/// An answer expression whose numbers are huge is an error, never a trap.
@Suite struct ExpressionBoundsTests {
    @Test func aUnitRaisedToAHugePowerIsAnError() throws {
        let expression = try ExpressionParser.parse("(2 ms) ^ 100000000000000000000000")
        #expect(throws: Expression.Failure(message: "a time can only be raised to a whole power from -8 to 8")) {
            try expression.evaluate([:])
        }
        #expect(try ExpressionParser.parse("2 ^ 100000000000000000000000").evaluate([:]).value.isInfinite)
    }
}

/// Prerequisites are checked without recursion: a chain of many thousands of lessons lints.
@Suite struct PrerequisiteChainTests {
    @Test func aLongChainOfPrerequisitesNeitherOverflowsNorHidesACycle() {
        let count = 50_000
        var lessons = (0..<count).map { index in
            Lesson(
                id: "l\(index)", title: "T", order: index, sources: ["a.txt"],
                requires: index + 1 < count ? ["l\(index + 1)"] : [], minutes: nil, file: "l\(index).md", pages: [],
                lines: ["requires": 5])
        }
        #expect(PrerequisiteCheck(lessons: lessons).diagnostics().isEmpty)
        lessons[count - 1] = Lesson(
            id: "l\(count - 1)", title: "T", order: count - 1, sources: ["a.txt"], requires: ["l\(count - 3)"],
            minutes: nil, file: "last.md", pages: [], lines: ["requires": 5])
        let found = PrerequisiteCheck(lessons: lessons).diagnostics().map(\.description)
        #expect(
            found == ["last.md:5: prerequisite cycle: l\(count - 3) → l\(count - 2) → l\(count - 1) → l\(count - 3)"])
    }
}
