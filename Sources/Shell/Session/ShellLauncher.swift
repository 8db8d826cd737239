import Course
import Foundation

/// What the command line says about the course: which lessons, and whose numbers.
public struct CourseOptions: Sendable {
    var lessons: String?
    var seed: UInt64?

    public init(lessons: String? = nil, seed: UInt64? = nil) {
        self.lessons = lessons
        self.seed = seed
    }

    /// The learner's name: `POOLSCHOOL_LEARNER`, else the login name.
    static func learner(_ environment: [String: String]) -> String {
        environment["POOLSCHOOL_LEARNER"] ?? environment["USER"] ?? "learner"
    }

    func load(home: ShellHome, environment: [String: String]) -> CourseState {
        let folder = CourseCatalog.folder(option: lessons, environment: environment)
        return CourseState(
            loader: CatalogLoader(folder: folder), store: ProgressStore(home: home.path),
            learner: Self.learner(environment), seed: seed)
    }
}

/// Builds the session and reader the real process needs, so the executable stays a thin face.
public enum ShellLauncher {
    /// `poolschool` with no arguments: the line editor on a terminal, plain lines otherwise.
    public static func interactive(environment: [String: String], options: CourseOptions = CourseOptions())
        -> ExitStatus
    {
        let terminal = TerminalInfo.detect(environment: environment)
        let home = ShellHome.resolve(environment: environment)
        let session = ShellSession(
            terminal: terminal, output: StandardOutput(), home: home, interrupt: InterruptSignal.flag)
        attachCourse(to: session, options: options, environment: environment)
        if terminal.isInteractive {
            session.measureWidth = {
                TerminalInfo.currentWidth(environment: environment, outputIsTTY: isatty(STDOUT_FILENO) == 1)
            }
        }
        if terminal.isInteractive, let course = session.course, let location = course.location {
            session.say("Welcome back: you were at \(location). 'page' shows it again.")
        }
        guard terminal.isInteractive else {
            return ShellRunner.run(session, reader: PlainLineReader())
        }
        var historyFile: String? = home.historyFile
        do {
            try home.ensureExists()
        } catch {
            // No home means no saved history, not no shell.
            session.report("\(error.message); history will not be kept", status: .success)
            historyFile = nil
        }
        let completer = Completer(table: session.table)
        let reader = EditLineReader(historyFile: historyFile) { before, word in
            completer.candidates(
                for: CompletionRequest(words: CompletionRequest(lineBeforeCursor: before).words, partial: word),
                session: session)
        }
        return ShellRunner.run(session, reader: reader)
    }

    /// Loads the course; a broken lesson folder never stops the shell from starting.
    static func attachCourse(to session: ShellSession, options: CourseOptions, environment: [String: String]) {
        let course = options.load(home: session.home, environment: environment)
        if let notice = course.notice { session.report(notice, status: .success) }
        session.course = course
    }

    /// `poolschool run FILE`.
    public static func script(path: String, environment: [String: String], options: CourseOptions = CourseOptions())
        -> ExitStatus
    {
        let session = ShellSession(
            terminal: TerminalInfo(
                isInteractive: false,
                width: TerminalInfo.currentWidth(environment: environment, outputIsTTY: false),
                colour: false),
            output: StandardOutput(),
            home: ShellHome.resolve(environment: environment))
        attachCourse(to: session, options: options, environment: environment)
        return ShellRunner.runScript(atPath: path, session: session)
    }
}
