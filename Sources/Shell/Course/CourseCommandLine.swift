import Course
import Foundation

/// The course's subcommands, `poolschool lint` and `poolschool lessons`, for the thin executable.
public enum CourseCommandLine {
    /// Lints files and folders (default: the lessons folder); prints `file:line: message` lines, or with
    /// `json` one JSON document (`LintReport`). Exits 1 when there is an error; warnings alone exit 0.
    public static func lint(
        paths: [String], options: CourseOptions, environment: [String: String], json: Bool = false
    ) -> ExitStatus {
        let output = GatedOutput(StandardOutput())
        let targets = paths.isEmpty ? [CourseCatalog.folder(option: options.lessons, environment: environment)] : paths
        var files: [String] = []
        var problems: [Diagnostic] = []
        // The folders whose lessons single files are linted against: --lessons if given, else each file's own.
        var courseFolders: Set<String> = []
        for target in targets {
            var isDirectory: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory)
            let isLink = (try? FileManager.default.destinationOfSymbolicLink(atPath: target)) != nil
            // A file, or a link to nothing: the catalog reads (or refuses) it and says why at line 1.
            if (exists && !isDirectory.boolValue) || (!exists && (isLink || target.hasSuffix(".md"))) {
                files.append(target)
                courseFolders.insert(options.lessons ?? (target as NSString).deletingLastPathComponent)
            } else {
                let found = CourseCatalog.lessonFiles(inFolder: target)
                files += found.files
                problems += found.problems
            }
        }
        let catalog = CourseCatalog.load(files: files, folder: targets[0], extra: problems)
        let course = Set(
            courseFolders.flatMap { folder in
                CourseCatalog.load(
                    files: CourseCatalog.lessonFiles(inFolder: folder.isEmpty ? "." : folder).files, folder: folder
                )
                .lessons.map(\.id)
            })
        var diagnostics = linter.lint(catalog, course: course)
        // Linting the course also checks the exercise catalog against its lessons and graders.
        if paths.isEmpty {
            diagnostics += ExerciseCommandLine.lintCatalog(
                lessonIDs: Set(catalog.lessons.map(\.id)), root: FileManager.default.currentDirectoryPath)
        }
        let report = LintReport(
            diagnostics: diagnostics, files: files.count,
            questions: catalog.lessons.reduce(0) { $0 + $1.questions.count })
        if json {
            output.write(report.json() + "\n", error: false)
        } else {
            for diagnostic in diagnostics {
                output.write(Sanitizer.clean(diagnostic.description) + "\n", error: false)
            }
        }
        output.write(report.summary + "\n", error: true)
        return report.errors > 0 ? .failure : .success
    }

    /// The course linter with the lab's scenarios, running each lesson's lab blocks in the world.
    static let linter = Linter(
        scenarios: Set(LabScenario.names + ProxyLabState.names), runLab: LabBlockRunner.lintProblems)

    /// What `lint --hash-answer` could not hash, said so the instructor can fix the command.
    public struct HashProblem: Error {
        public let message: String
    }

    /// The hash a hidden answer key stores (Lessons/README.md, "Hidden answers"), of `answer` normalised for
    /// a question of kind `kindName` (and, numeric, unit `unitName`) exactly as the checker normalises a
    /// learner's answer; with the normalised text, so the instructor sees what was hashed.
    public static func hashAnswer(_ answer: String, salt: String, kind kindName: String?, unit unitName: String? = nil)
        throws(HashProblem) -> (hash: String, normalised: String)
    {
        let kinds = QuestionKind.allCases.filter { $0 != .order }.map(\.rawValue).joined(separator: ", ")
        guard let kindName else {
            throw HashProblem(
                message:
                    "--hash-answer needs --kind (\(kinds)): the answer is normalised for its kind before it is hashed")
        }
        guard let kind = QuestionKind(rawValue: kindName) else {
            throw HashProblem(message: "unknown --kind '\(kindName)'; use one of \(kinds)")
        }
        var unit: Course.Unit?
        if let unitName {
            guard kind == .numeric else { throw HashProblem(message: "--unit goes with --kind numeric") }
            guard let named = Unit.named(unitName) else {
                throw HashProblem(message: "unknown --unit '\(unitName)' (see 'Units' in Lessons/README.md)")
            }
            unit = named
        }
        do throws(AnswerHash.Failure) {
            let normalised = try AnswerHash.normalise(answer, kind: kind, unit: unit)
            return ("sha256:" + AnswerHash.hex(salt: salt, normalisedAnswer: normalised), normalised)
        } catch {
            throw HashProblem(message: error.message)
        }
    }

    /// `poolschool lessons`: the same list and progress as the shell's `lessons`.
    public static func lessons(options: CourseOptions, environment: [String: String]) -> ExitStatus {
        let home = ShellHome.resolve(environment: environment)
        let course = options.load(home: home, environment: environment)
        let terminal = TerminalInfo(
            isInteractive: false, width: TerminalInfo.currentWidth(environment: environment, outputIsTTY: true),
            colour: TerminalInfo.colourWanted(outputIsTTY: isatty(STDOUT_FILENO) == 1, environment: environment))
        let session = ShellSession(terminal: terminal, output: StandardOutput(), home: home)
        if let notice = course.notice { session.report(notice, status: .success) }
        session.render(markdown: CourseViews.lessonList(course))
        return .success
    }
}
