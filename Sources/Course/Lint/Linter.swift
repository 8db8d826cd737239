import Foundation

/// Checks a whole course: each file, then what only the course as a whole can show (duplicate ids,
/// unknown or cyclic prerequisites), then every answer key against the checker with drawn params.
public struct Linter: Sendable {
    /// Lab scenarios that exist; a lab block naming another is an error.
    public let scenarios: Set<String>
    /// Runs a lab block against the world and returns what did not hold; nil when no lab runner exists.
    public let runLab: (@Sendable (LabBlock) -> [LabProblem])?

    public init(scenarios: Set<String>, runLab: (@Sendable (LabBlock) -> [LabProblem])? = nil) {
        self.scenarios = scenarios
        self.runLab = runLab
    }

    /// `course` names the lessons of the whole course when `catalog` holds only some of its files (`lint FILE`),
    /// so that a prerequisite on another lesson is not reported as unknown.
    public func lint(_ catalog: CourseCatalog, course: Set<String> = []) -> [Diagnostic] {
        var diagnostics = catalog.diagnostics
        var seen: [String: Lesson] = [:]
        for lesson in catalog.lessons {
            if let first = seen[lesson.id] {
                diagnostics.append(
                    Diagnostic(
                        file: lesson.file, line: lesson.lines["id"] ?? 1, code: "duplicate-lesson-id",
                        message: "duplicate id '\(lesson.id)' (also in \(first.file):\(first.lines["id"] ?? 1))"))
            } else {
                seen[lesson.id] = lesson
            }
            diagnostics += lintLesson(lesson)
        }
        // A lesson whose front matter is broken was reported for it; the rest of it is still checked, and
        // the lessons that require it do not hear that it is unknown.
        for draft in catalog.drafts { diagnostics += lintLesson(draft) }
        let known = course.union(catalog.drafts.map(\.id))
        diagnostics += PrerequisiteCheck(lessons: catalog.lessons, course: known).diagnostics()
        return diagnostics.sorted()
    }

    func lintLesson(_ lesson: Lesson) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ problem: LineError) {
            diagnostics.append(Diagnostic(file: lesson.file, problem))
        }
        var params: [ParamSpec] = []
        var paramNames: Set<String> = []
        for page in lesson.pages {
            for (index, block) in page.blocks.enumerated() {
                switch block {
                case .params(let specs):
                    for spec in specs where !paramNames.insert(spec.name).inserted {
                        report(
                            LineError(line: spec.line, message: "param '\(spec.name)' is defined twice", code: "param"))
                    }
                    params += specs
                case .prose(let text):
                    let start = index < page.lines.count ? page.lines[index] : 1
                    ProsePlaceholders.problems(
                        in: text, startingAt: start, defined: paramNames, unread: lesson.unreadParams
                    ).forEach(report)
                case .question(let question):
                    guard question.isSound else { continue }
                    KeyCheck(question: question, params: params, lessonID: lesson.id, unread: lesson.unreadParams)
                        .problems().forEach(report)
                case .lab(let lab):
                    LabCheck(lab: lab, scenarios: scenarios, runLab: runLab).problems().forEach(report)
                }
            }
        }
        return diagnostics
    }
}
