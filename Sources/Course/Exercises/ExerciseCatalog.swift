import Foundation
import Yams

/// One exercise as the catalog describes it.
public struct ExerciseEntry: Equatable, Sendable {
    /// The name commands use: `check waiting-pool`, `hint waiting-pool`.
    public var name: String
    public var title: String
    /// The file the learner edits, relative to the project folder.
    public var file: String
    /// The lesson it goes with (a lesson id).
    public var lesson: String
    /// A ladder of hints, shown one at a time.
    public var hints: [String]
    public var points: Int
    /// Where the entry starts in the catalog file.
    public var line: Int
    /// The type in `file` the learner completes (its `Unattempted` line names it).
    public var type: String
    /// Its suite in `Tests/ExerciseTests`: `swift test --filter ExerciseTests.<tests>`.
    public var tests: String
    /// The exercise whose passing code `start` copies in, if this one extends it.
    public var buildsOn: String?

    public init(
        name: String, title: String, file: String, lesson: String, hints: [String], points: Int, line: Int,
        type: String = "", tests: String = "", buildsOn: String? = nil
    ) {
        self.name = name
        self.title = title
        self.file = file
        self.lesson = lesson
        self.hints = hints
        self.points = points
        self.line = line
        self.type = type
        self.tests = tests
        self.buildsOn = buildsOn
    }

    /// Its test file: `Tests/ExerciseTests/WaitingPoolTests.swift`.
    public var testFile: String { "Tests/ExerciseTests/\(tests).swift" }

    /// The reference solution the shell shows once the exercise passes: `Solutions/` and the same file name.
    public var solutionFile: String {
        "Solutions/" + (file.split(separator: "/").last.map(String.init) ?? file)
    }
}

/// The exercise catalog (`Exercises/exercises.yaml`): name, title, file, lesson, hints and points of every
/// exercise, in course order. An instructor extends the course by adding an entry (and its stub, solution and
/// grader); `poolschool lint` checks the file with `file:line: message` diagnostics.
public struct ExerciseCatalog: Sendable {
    public static let defaultPath = "Exercises/exercises.yaml"
    static let keys = ["name", "title", "file", "type", "tests", "lesson", "builds-on", "hints", "points"]

    public let path: String
    public let exercises: [ExerciseEntry]
    /// Problems found reading the file.
    public let diagnostics: [Diagnostic]

    public func entry(named name: String) -> ExerciseEntry? {
        exercises.first { $0.name == name }
    }

    /// Reads the catalog; a missing or unreadable file is a diagnostic, not a crash.
    public static func load(path: String = defaultPath) -> ExerciseCatalog {
        guard case .contents(let data) = BoundedFile.read(path, limit: LessonLimits.fileBytes),
            let text = String(data: data, encoding: .utf8)
        else {
            return ExerciseCatalog(
                path: path, exercises: [],
                diagnostics: [
                    Diagnostic(
                        file: path, line: 1, code: "exercise-catalog",
                        message: "no exercise catalog here (cannot read it)")
                ])
        }
        return parse(text, path: path)
    }

    public static func parse(_ text: String, path: String) -> ExerciseCatalog {
        var problems: [Diagnostic] = []
        func report(_ line: Int, _ message: String) {
            problems.append(Diagnostic(file: path, line: line, code: "exercise-catalog", message: message))
        }
        // The catalog is data an instructor writes, bounded like a lesson's YAML (no aliases, no deep nesting).
        if let problem = YAMLGuard.problem(text, largest: LessonLimits.fileBytes) {
            report(problem.line, problem.message)
            return ExerciseCatalog(path: path, exercises: [], diagnostics: problems)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            report(error.mark?.line ?? 1, "not valid YAML: \(error.problem)")
            return ExerciseCatalog(path: path, exercises: [], diagnostics: problems)
        } catch {
            report(1, "not valid YAML: \(error)")
            return ExerciseCatalog(path: path, exercises: [], diagnostics: problems)
        }
        guard let list = root?.mapping?["exercises"], case .sequence(let items) = list else {
            report(1, "expected a top-level 'exercises:' list")
            return ExerciseCatalog(path: path, exercises: [], diagnostics: problems)
        }
        var entries: [ExerciseEntry] = []
        var seen: [String: Int] = [:]
        for item in items {
            let line = item.mark?.line ?? 1
            guard let mapping = item.mapping else {
                report(line, "each exercise is a 'key: value' block (name, title, file, lesson, hints, points)")
                continue
            }
            if let entry = decode(mapping, line: line, report: report) {
                if let first = seen[entry.name] {
                    report(line, "duplicate exercise name '\(entry.name)' (also at line \(first))")
                } else {
                    seen[entry.name] = line
                    entries.append(entry)
                }
            }
        }
        return ExerciseCatalog(path: path, exercises: entries, diagnostics: problems)
    }

    private static func decode(
        _ mapping: Node.Mapping, line: Int, report: (Int, String) -> Void
    ) -> ExerciseEntry? {
        for (key, value) in mapping where !keys.contains(key.string ?? "") {
            let name = key.string ?? "\(key)"
            let hint = EditDistance.suggestion(for: name, among: keys).map { "; did you mean '\($0)'?" } ?? ""
            report(value.mark?.line ?? line, "unknown key '\(name)'\(hint)")
        }
        let name = mapping["name"]?.scalar?.string ?? ""
        let label = name.isEmpty ? "the exercise at line \(line)" : "exercise '\(name)'"
        func text(_ key: String) -> String? {
            guard let value = mapping[key]?.scalar?.string, !value.isEmpty else {
                report(line, "\(label) has no '\(key)'")
                return nil
            }
            return value
        }
        let title = text("title")
        let file = text("file")
        let lesson = text("lesson")
        let type = text("type")
        let tests = text("tests")
        for (key, value) in [("type", type), ("tests", tests)] {
            if let value, !value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) || value.first!.isNumber {
                report(mapping[key]?.mark?.line ?? line, "\(label): \(key) '\(value)' must be a Swift type name")
            }
        }
        let buildsOn = mapping["builds-on"]?.scalar?.string
        guard !name.isEmpty else {
            report(line, "\(label) has no 'name'")
            return nil
        }
        if !name.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) {
            report(line, "exercise name '\(name)' may use only lower-case letters, digits and '-'")
        }
        if let file, !file.hasSuffix(".swift") {
            report(mapping["file"]?.mark?.line ?? line, "\(label): file '\(file)' must be a .swift file")
        }
        let hints = mapping["hints"]?.strings ?? []
        if hints.isEmpty || hints.contains(where: { $0.trimmingCharacters(in: .whitespaces).isEmpty }) {
            report(mapping["hints"]?.mark?.line ?? line, "\(label) needs 'hints': a list of non-empty hints")
        }
        let pointsText = mapping["points"]?.scalar?.string
        let points = pointsText.flatMap(Int.init) ?? 0
        if points <= 0 {
            report(
                mapping["points"]?.mark?.line ?? line,
                "\(label) has points \(pointsText ?? "(none)"); points must be a whole number above 0")
        }
        guard let title, let file, let lesson, let type, let tests else { return nil }
        return ExerciseEntry(
            name: name, title: title, file: file, lesson: lesson, hints: hints, points: points, line: line,
            type: type, tests: tests, buildsOn: buildsOn)
    }

    /// What only the project around the catalog can show: files (stub, solution, test file) and lessons that do
    /// not exist, a `builds-on` that is not an earlier exercise, and graders' exercises missing from the catalog.
    public func crossCheck(
        lessonIDs: Set<String>, gradedNames: [String: String], fileExists: (String) -> Bool
    ) -> [Diagnostic] {
        var found: [Diagnostic] = []
        func report(_ line: Int, _ message: String) {
            found.append(Diagnostic(file: path, line: line, code: "exercise-catalog", message: message))
        }
        for entry in exercises {
            if !fileExists(entry.file) { report(entry.line, "exercise '\(entry.name)': no such file \(entry.file)") }
            if !fileExists(entry.solutionFile) {
                report(entry.line, "exercise '\(entry.name)': no reference solution at \(entry.solutionFile)")
            }
            if !fileExists(entry.testFile) {
                report(entry.line, "exercise '\(entry.name)': no test file \(entry.testFile) (tests: \(entry.tests))")
            }
            if let base = entry.buildsOn,
                !exercises.prefix(while: { $0.name != entry.name }).contains(where: {
                    $0.name == base
                })
            {
                report(entry.line, "exercise '\(entry.name)' builds on '\(base)', which is not an exercise before it")
            }
            if !lessonIDs.contains(entry.lesson) {
                let hint =
                    EditDistance.suggestion(for: entry.lesson, among: Array(lessonIDs)).map {
                        "; did you mean '\($0)'?"
                    } ?? ""
                report(entry.line, "exercise '\(entry.name)': no lesson '\(entry.lesson)'\(hint)")
            }
            // The catalog is the source: an exercise needs no entry in Grading's table, only agreement with one.
            if let gradedFile = gradedNames[entry.name], gradedFile != entry.file {
                report(entry.line, "exercise '\(entry.name)': its grader grades \(gradedFile), not \(entry.file)")
            }
        }
        for (name, file) in gradedNames.sorted(by: { $0.key < $1.key }) where entry(named: name) == nil {
            report(1, "graded exercise '\(name)' (\(file)) is missing from the catalog")
        }
        return found.sorted()
    }
}
