import Testing

@testable import Course

/// Each kind of error lint promises to catch, on the line where it is.
@Suite struct LinterTests {
    @Test func unknownBlockKindOnItsFenceLine() {
        #expect(
            LessonFixtures.lint("text\n\n```qestion\nid: q\n```\n") == [
                "9: unknown block kind 'qestion'; did you mean 'question'? (blocks: question, hint, explain, params, lab; or name a code language such as sh or sql)"
            ])
        #expect(LessonFixtures.lint("```sql\nSELECT 1;\n```\n").isEmpty, "a code language is not a block kind")
    }

    @Test func duplicateLessonIDs() {
        let a = LessonParser.parse("---\nid: x\ntitle: A\norder: 1\nsources: [s]\n---\nhi\n", file: "a.md").lesson!
        let b = LessonParser.parse("---\nid: x\ntitle: B\norder: 2\nsources: [s]\n---\nhi\n", file: "b.md").lesson!
        let diagnostics = Linter(scenarios: []).lint(CourseCatalog(folder: ".", lessons: [a, b], diagnostics: []))
        #expect(diagnostics.map(\.description) == ["b.md:2: duplicate id 'x' (also in a.md:2)"])
    }

    @Test func missingAnswer() {
        #expect(
            LessonFixtures.lint("\n```question\nid: q\nkind: numeric\nprompt: p\nunit: ms\n```\n") == [
                "8: missing answer: question 'q' has no 'answer'"
            ])
    }

    @Test func toleranceBelowZero() {
        #expect(
            LessonFixtures.lint(
                "```question\nid: q\nkind: numeric\nprompt: p\nanswer: 16\nunit: \"\"\ntolerance: -1\n```\n") == [
                    "13: question 'q' has tolerance -1; tolerance must be >= 0"
                ])
    }

    @Test func unitMismatchInAFixedAnswerAndInAnExpression() {
        #expect(
            LessonFixtures.lint("```question\nid: q\nkind: numeric\nprompt: p\nanswer: 18 ms\nunit: \"%\"\n```\n") == [
                "11: unit mismatch: question 'q' has answer '18 ms', a time, but its unit '%' is a count or fraction"
            ])
        let expression =
            "```params\nsetup = 18 ms\nquery = 6 ms\n```\n\n```question\nid: q\nkind: numeric\nprompt: p\nanswer: = setup + query\nunit: \"%\"\n```\n"
        #expect(
            LessonFixtures.lint(expression) == [
                "16: unit mismatch: the answer of 'q' is a time but its unit '%' is a count or fraction"
            ])
    }

    @Test func unknownLabScenario() {
        #expect(
            LessonFixtures.lint("```lab\nscenario: reservation-dsk\nexpect:\n  - waiting >= 1\n```\n") == [
                "8: unknown lab scenario 'reservation-dsk'; did you mean 'reservation-desk'? known: reservation-desk"
            ])
    }

    @Test func prerequisiteCycleAndUnknownPrerequisite() {
        let a = LessonParser.parse(
            "---\nid: a\ntitle: A\norder: 1\nsources: [s]\nrequires: [b]\n---\nhi\n", file: "a.md"
        ).lesson!
        let b = LessonParser.parse(
            "---\nid: b\ntitle: B\norder: 2\nsources: [s]\nrequires: [a, zz]\n---\nhi\n", file: "b.md"
        ).lesson!
        let diagnostics = Linter(scenarios: []).lint(CourseCatalog(folder: ".", lessons: [a, b], diagnostics: []))
        #expect(
            diagnostics.map(\.description) == [
                "b.md:6: prerequisite cycle: a → b → a",
                "b.md:6: requires unknown lesson 'zz'",
            ])
    }

    @Test func paramsThatLeaveAnAnswerUndefined() {
        let undefinedName =
            "```params\nsetup = 18 ms\n```\n\n```question\nid: q\nkind: numeric\nprompt: p\nanswer: = setup / (setup + query)\nunit: \"%\"\n```\n"
        #expect(
            LessonFixtures.lint(undefinedName) == [
                "15: params leave the answer of 'q' undefined: 'query' in '= setup / (setup + query)' is not a param defined above it"
            ])
        let divisionByZero =
            "```params\npool = 0..10\n```\n\n```question\nid: q\nkind: numeric\nprompt: p\nanswer: = 100 / pool\nunit: \"\"\n```\n"
        #expect(
            LessonFixtures.lint(divisionByZero) == [
                "15: params leave the answer of 'q' undefined for the learner of --seed 7 (pool = 0): division by zero"
            ])
    }

    @Test func aKeyItsOwnToleranceRejects() {
        let body =
            "```params\na = 1\nb = 3\n```\n\n```question\nid: q\nkind: numeric\nprompt: p\nanswer: = a / b\nunit: \"%\"\ntolerance: exact\n```\n"
        #expect(
            LessonFixtures.lint(body).first?.hasPrefix("18: question 'q' rejects its own answer '33.3333%'") == true)
    }

    @Test func hintsNeedAQuestionAbove() {
        #expect(
            LessonFixtures.lint("```hint\nThink.\n```\n") == [
                "7: this hint block has no question above it on the same page"
            ])
    }

    @Test func badYAMLPointsAtItsLine() {
        let diagnostics = LessonFixtures.lint("```question\nid: q\nkind: [oops\n```\n")
        #expect(diagnostics.count == 1)
        // libyaml notices the unclosed list where the block ends, the line after it opens.
        #expect(diagnostics.first?.hasPrefix("10: not valid YAML") == true, "\(diagnostics)")
    }

    /// `load` sets only the `load_*` metrics: a lab whose `expect` names one of them may run it; a lab that
    /// expects only the world's own metrics could not see what its load did.
    @Test func aLoadStepIsReportedOnlyInALabThatExpectsNoLoadMetric() {
        let lab = "```lab\nscenario: reservation-desk\nsteps:\n  - load --requests 100\nexpect:\n"
        #expect(LessonFixtures.lint(lab + "  - load_completed == 100\n  - waiting == 0\n```\n").isEmpty)
        let problems = LessonFixtures.lint(lab + "  - waiting == 0\n```\n")
        #expect(problems.count == 1)
        #expect(
            problems.first?.hasPrefix("10: lab step 'load --requests 100' runs its workload") == true, "\(problems)")
    }
}
