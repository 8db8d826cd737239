@testable import Course

/// Small lessons written inline, so each test shows the text it is about.
enum LessonFixtures {
    static func lesson(_ body: String, front: String = "id: t\ntitle: T\norder: 1\nsources: [seed.txt]") -> (
        lesson: Lesson?, diagnostics: [Diagnostic]
    ) {
        LessonParser.parse("---\n\(front)\n---\n\(body)", file: "t.md")
    }

    /// A question from its YAML alone; nil if it has problems.
    static func question(_ yaml: String) -> Question? {
        let parsed = lesson("```question\n\(yaml)```\n")
        guard parsed.diagnostics.isEmpty else { return nil }
        return parsed.lesson?.questions.first
    }

    /// Lints one lesson (plus any others) and returns `line: message` strings for t.md.
    static func lint(_ body: String, front: String = "id: t\ntitle: T\norder: 1\nsources: [seed.txt]") -> [String] {
        let parsed = lesson(body, front: front)
        let catalog = CourseCatalog(
            folder: ".", lessons: parsed.lesson.map { [$0] } ?? [], diagnostics: parsed.diagnostics)
        return Linter(scenarios: ["reservation-desk"]).lint(catalog).map { "\($0.line): \($0.message)" }
    }
}
