import Course
import Foundation

/// `poolschool preview`: a lesson as one learner sees it, keys and labs included; or, with `--all-seeds`, many
/// learners' keys checked for numbers no learner should be asked for.
public enum PreviewCommandLine {
    /// What the command line asked for.
    public struct Request: Sendable {
        /// A lesson id, or the path of a lesson file; nil (with `allSeeds`) for the whole course.
        public var lesson: String?
        public var seed: UInt64?
        public var learner: String?
        /// `QID=TEXT`, as typed.
        public var answers: [String]
        public var allSeeds: Int?

        public init(lesson: String?, seed: UInt64?, learner: String?, answers: [String], allSeeds: Int?) {
            self.lesson = lesson
            self.seed = seed
            self.learner = learner
            self.answers = answers
            self.allSeeds = allSeeds
        }
    }

    /// The usage error for a request that cannot run, before any lesson is read.
    public static func validate(_ request: Request) -> String? {
        if request.seed != nil, request.learner != nil { return "give --seed N or --as NAME, not both" }
        if let count = request.allSeeds, !(1...100_000).contains(count) {
            return "--all-seeds takes a number of learners from 1 to 100000, got \(count)"
        }
        if request.allSeeds == nil, request.lesson == nil {
            return "name a lesson (an id such as 03-borrow-and-backpressure, or a lesson file), or use --all-seeds K"
        }
        if request.allSeeds != nil, !request.answers.isEmpty { return "--answer goes with a single learner's preview" }
        for answer in request.answers where !answer.contains("=") || answer.hasPrefix("=") {
            return "--answer '\(answer)' must be QID=TEXT, e.g. --answer mode=statement"
        }
        return nil
    }

    public static func run(_ request: Request, options: CourseOptions, environment: [String: String]) -> ExitStatus {
        let output = GatedOutput(StandardOutput())
        let terminal = TerminalInfo(
            isInteractive: false, width: TerminalInfo.currentWidth(environment: environment, outputIsTTY: true),
            colour: TerminalInfo.colourWanted(outputIsTTY: isatty(STDOUT_FILENO) == 1, environment: environment))
        let session = ShellSession(terminal: terminal, output: StandardOutput(), home: ShellHome(path: "/nonexistent"))
        func fail(_ message: String, _ status: ExitStatus) -> ExitStatus {
            output.write("poolschool preview: " + Sanitizer.clean(message) + "\n", error: true)
            return status
        }
        let catalog: CourseCatalog
        let lessons: [Lesson]
        switch load(request.lesson, options: options, environment: environment) {
        case .success(let found): (catalog, lessons) = found
        case .failure(let problem): return fail(problem.message, problem.status)
        }
        let files = Set(lessons.map(\.file))
        for problem in catalog.diagnostics where files.contains(problem.file) {
            output.write("warning: " + Sanitizer.clean(problem.description) + "\n", error: true)
        }
        if let count = request.allSeeds {
            let sweep = KeySweep.named(count)
            let findings = lessons.flatMap(sweep.findings)
            for finding in findings { output.write(Sanitizer.clean(finding.description) + "\n", error: false) }
            let questions = lessons.flatMap(\.questions).filter { $0.kind == .numeric }.count
            output.write(
                "\(lessons.count) lesson(s), \(questions) numeric question(s), \(count) learner(s) each: "
                    + "\(findings.count) problem(s)\n", error: true)
            return findings.isEmpty ? .success : .failure
        }
        let lesson = lessons[0]
        var answers: [String: String] = [:]
        for answer in request.answers {
            let parts = answer.split(separator: "=", maxSplits: 1).map(String.init)
            guard lesson.question(id: parts[0]) != nil else {
                let ids = lesson.questions.map(\.id).joined(separator: ", ")
                return fail("--answer names no question '\(parts[0])' of \(lesson.id) (its questions: \(ids))", .usage)
            }
            answers[parts[0]] = parts.count > 1 ? parts[1] : ""
        }
        let learner = request.learner ?? CourseOptions.learner(environment)
        let course = CourseState(
            catalog: catalog,
            store: ProgressStore(home: "/nonexistent/poolschool-preview"), learner: learner,
            seed: request.seed ?? options.seed)
        var preview = LessonPreview(lesson: lesson, course: course, answers: answers)
        let bySeed = request.seed != nil || (request.learner == nil && options.seed != nil)
        session.render(markdown: preview.markdown(learner: bySeed ? nil : learner))
        guard preview.failures.isEmpty else {
            for failure in preview.failures { output.write("✗ " + Sanitizer.clean(failure) + "\n", error: true) }
            return .failure
        }
        return .success
    }

    struct Problem: Error {
        let message: String
        let status: ExitStatus
    }

    /// The lessons a request names: one lesson file, one lesson of the course by id, or the whole course.
    static func load(_ name: String?, options: CourseOptions, environment: [String: String])
        -> Result<(CourseCatalog, [Lesson]), Problem>
    {
        let folder = CourseCatalog.folder(option: options.lessons, environment: environment)
        let catalog: CourseCatalog
        var isDirectory: ObjCBool = false
        let isFile =
            name.map { FileManager.default.fileExists(atPath: $0, isDirectory: &isDirectory) && !isDirectory.boolValue }
            ?? false
        if let name, isFile || name.hasSuffix(".md") {
            catalog = CourseCatalog.load(files: [name], folder: (name as NSString).deletingLastPathComponent)
        } else {
            catalog = CourseCatalog.load(folder: folder)
        }
        if let name, !isFile, !name.hasSuffix(".md") {
            guard let lesson = catalog.lesson(id: name) else {
                let ids = catalog.lessons.map(\.id)
                let hint = EditDistance.suggestion(for: name, among: ids).map { "; did you mean '\($0)'?" } ?? ""
                let known = ids.isEmpty ? "" : " (lessons: \(ids.joined(separator: ", ")))"
                return .failure(Problem(message: "no lesson '\(name)' in \(folder)\(hint)\(known)", status: .usage))
            }
            return .success((catalog, [lesson]))
        }
        guard !catalog.lessons.isEmpty else {
            let why = catalog.diagnostics.map(\.description).joined(separator: "\n")
            return .failure(
                Problem(
                    message: why.isEmpty ? "no lessons in \(folder)" : "cannot read the lesson:\n" + why,
                    status: .failure))
        }
        return .success((catalog, catalog.lessons))
    }
}
