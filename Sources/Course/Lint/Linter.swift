import Foundation

/// Checks a whole course: each file, then what only the course as a whole can show (duplicate ids,
/// unknown or cyclic prerequisites), then every answer key against the checker with drawn params.
public struct Linter: Sendable {
    /// Lab scenarios that exist; a lab block naming another is an error.
    public let scenarios: Set<String>
    /// Runs a lab block against the world and returns what did not hold; nil when no lab runner exists.
    public let runLab: (@Sendable (LabBlock) -> [String])?

    public init(scenarios: Set<String>, runLab: (@Sendable (LabBlock) -> [String])? = nil) {
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
                        file: lesson.file, line: lesson.lines["id"] ?? 1,
                        message: "duplicate id '\(lesson.id)' (also in \(first.file):\(first.lines["id"] ?? 1))"))
            } else {
                seen[lesson.id] = lesson
            }
            diagnostics += lintLesson(lesson)
        }
        diagnostics += SourceCheck(sources: catalog.sources).diagnostics(catalog.lessons)
        diagnostics += PrerequisiteCheck(lessons: catalog.lessons, course: course).diagnostics()
        return diagnostics.sorted()
    }

    func lintLesson(_ lesson: Lesson) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func report(_ line: Int, _ message: String) {
            diagnostics.append(Diagnostic(file: lesson.file, line: line, message: message))
        }
        var params: [ParamSpec] = []
        var paramNames: Set<String> = []
        for page in lesson.pages {
            for block in page.blocks {
                switch block {
                case .params(let specs):
                    for spec in specs where !paramNames.insert(spec.name).inserted {
                        report(spec.line, "param '\(spec.name)' is defined twice")
                    }
                    params += specs
                case .prose(let text):
                    for name in Placeholders.names(in: text) where !paramNames.contains(name) {
                        report(1, "'{\(name)}' in the text is not a param defined above it")
                    }
                case .question(let question):
                    KeyCheck(question: question, params: params, lessonID: lesson.id).problems().forEach {
                        report($0.line, $0.message)
                    }
                case .lab(let lab):
                    guard scenarios.contains(lab.scenario) else {
                        let known = scenarios.isEmpty ? "none yet" : scenarios.sorted().joined(separator: ", ")
                        report(lab.line, "unknown lab scenario '\(lab.scenario)' (known: \(known))")
                        continue
                    }
                    runLab?(lab).forEach { report(lab.line, $0) }
                }
            }
        }
        return diagnostics + LabBlockCheck(lesson: lesson).diagnostics()
    }
}
