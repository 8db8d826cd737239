import Testing

@testable import Course

@Suite struct LessonParserTests {
    @Test func readsFrontMatterPagesAndBlocks() throws {
        let body = """
            # One

            ```params
            setup = 10..30 ms step 2
            ```

            ```question
            id: share
            kind: numeric
            prompt: Setup is {setup}.
            answer: = setup / (setup + 6 ms)
            unit: "%"
            tolerance: 0.5
            ```

            ```hint
            First hint.
            ```

            ```hint
            Second hint.
            ```

            ```explain
            Because.
            ```

            ---

            # Two
            """
        let parsed = LessonFixtures.lesson(
            body, front: "id: t\ntitle: T\norder: 3\nsources: [a.txt, b.txt]\nrequires: [x]\nminutes: 5")
        #expect(parsed.diagnostics.isEmpty, "\(parsed.diagnostics)")
        let lesson = try #require(parsed.lesson)
        #expect(
            lesson.order == 3 && lesson.sources == ["a.txt", "b.txt"] && lesson.requires == ["x"] && lesson.minutes == 5
        )
        #expect(lesson.pages.count == 2)
        let question = try #require(lesson.question(id: "share"))
        #expect(question.hints == ["First hint.", "Second hint."])
        #expect(question.explanation == "Because.")
        #expect(question.tolerance == .absolute(0.005))
    }

    @Test func frontMatterProblemsAreReported() {
        let parsed = LessonParser.parse("---\nid: t\ntitel: T\norder: one\n---\n", file: "t.md")
        #expect(parsed.lesson == nil)
        #expect(
            parsed.diagnostics.map(\.description) == [
                // The misspelt key is read as the one it was meant to be: no second message about 'title'.
                "t.md:3: unknown front-matter key 'titel'; did you mean 'title'? (keys: id, title, order, sources, requires, minutes)",
                "t.md:4: order 'one' must be a whole number",
                "t.md:1: front matter has no 'sources'; 'sources' lists the documents this lesson draws on",
            ])
        #expect(LessonParser.parse("# no front matter", file: "t.md").diagnostics.first?.line == 1)
    }

    @Test func paramsDrawTheSameForTheSameSeedAndDifferForOthers() throws {
        let spec = try ParamSpec.parse("setup = 10..30 ms step 2", line: 1)
        #expect(spec.choiceCount == 11)
        var first = ParamDraw(seed: 7, salt: "x")
        var again = ParamDraw(seed: 7, salt: "x")
        let drawn = (0..<20).map { _ in first.pick(spec).value }
        #expect(drawn == (0..<20).map { _ in again.pick(spec).value })
        var other = ParamDraw(seed: 8, salt: "x")
        #expect(drawn != (0..<20).map { _ in other.pick(spec).value })
        #expect(drawn.allSatisfy { $0 >= 0.010 - 1e-12 && $0 <= 0.030 + 1e-12 })
    }

    @Test func expressionsCheckDimensions() throws {
        let ms = Unit.named("ms")!
        let values = ["rate": Quantity(400, unit: Unit.named("/s")!), "hold": Quantity(40, unit: ms)]
        #expect(try ExpressionParser.parse("rate * hold").evaluate(values) == Quantity(16))
        #expect(try ExpressionParser.parse("max(2, ceil(rate * hold * 1.25))").evaluate(values) == Quantity(20))
        #expect(throws: Expression.Failure(message: "cannot add a time and a rate")) {
            try ExpressionParser.parse("rate + hold").evaluate(values)
        }
    }
}
