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
        diagnostics += SourceCheck(sources: catalog.sources).diagnostics(catalog.lessons + catalog.drafts)
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
        // Names already reported (a param line that could not be read, or a name no params block defines):
        // each is reported once, where it is first met, not at every later use.
        var silenced = lesson.unreadParams
        var unknown: [String] = []
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
                    let problems = ProsePlaceholders.problems(
                        in: text, startingAt: start, defined: paramNames, unread: silenced)
                    problems.forEach { report($0.error) }
                    silenced.formUnion(problems.map(\.name))
                    unknown += problems.map(\.name)
                case .question(let question):
                    guard question.isSound else { continue }
                    var check = KeyCheck(question: question, params: params, lessonID: lesson.id, unread: silenced)
                    check.problems().forEach(report)
                    unknown += check.unread.subtracting(silenced).sorted()
                    silenced = check.unread
                case .lab(let lab):
                    LabCheck(lab: lab, scenarios: scenarios, runLab: runLab).problems().forEach(report)
                }
            }
        }
        let definesNone = params.isEmpty && lesson.unreadParams.isEmpty
        diagnostics += LabBlockCheck(lesson: lesson).diagnostics()
        return definesNone ? Self.noParams(diagnostics, names: unknown, file: lesson.file) : diagnostics
    }

    /// A lesson that uses params but has no params block at all (forgotten, or its fence misspelt as a code
    /// language) is one mistake: one message, at the first use, naming every param it uses.
    static func noParams(_ diagnostics: [Diagnostic], names: [String], file: String) -> [Diagnostic] {
        let uses = diagnostics.filter { $0.code == "unknown-param" }
        guard let first = uses.min(by: { $0.line < $1.line }), uses.count > 1 else { return diagnostics }
        let list = names.map { "'{\($0)}'" }.joined(separator: ", ")
        return diagnostics.filter { $0.code != "unknown-param" } + [
            Diagnostic(
                file: file, line: first.line, column: first.column, code: "unknown-param",
                message:
                    "this lesson uses params (\(list)) but defines none; add a params block above line \(first.line) (see 'params' in Lessons/README.md)"
            )
        ]
    }
}
