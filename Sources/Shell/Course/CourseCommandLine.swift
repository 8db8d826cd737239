import Course
import Foundation

/// The course's subcommands, `poolschool lint` and `poolschool lessons`, for the thin executable.
public enum CourseCommandLine {
    /// Lints files and folders (default: the lessons folder); prints `file:line: message` lines.
    public static func lint(paths: [String], options: CourseOptions, environment: [String: String]) -> ExitStatus {
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
        var diagnostics = linter.lint(catalog, course: course).map(\.description)
        // Linting the course also checks the exercise catalog against its lessons and graders.
        if paths.isEmpty {
            diagnostics += ExerciseCommandLine.lintCatalog(
                lessonIDs: Set(catalog.lessons.map(\.id)), root: FileManager.default.currentDirectoryPath)
        }
        for diagnostic in diagnostics {
            output.write(Sanitizer.clean(diagnostic) + "\n", error: false)
        }
        let questions = catalog.lessons.reduce(0) { $0 + $1.questions.count }
        let summary = "\(files.count) lesson file(s), \(questions) question(s), \(diagnostics.count) problem(s)"
        output.write(summary + "\n", error: true)
        return diagnostics.isEmpty ? .success : .failure
    }

    /// The course linter with the lab's scenarios, running each lesson's lab blocks in the world.
    static let linter = Linter(
        scenarios: Set(LabScenario.names + ProxyLabState.names), runLab: LabBlockRunner.lint)

    /// The hash a hidden answer key stores (Lessons/README.md, "Hidden answers").
    public static func hashAnswer(_ answer: String, salt: String) -> String {
        "sha256:" + AnswerHash.hex(salt: salt, normalisedAnswer: answer)
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
