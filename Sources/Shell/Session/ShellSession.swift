import Foundation
import RealServers

/// One run of the shell: the commands, where output goes, and the state commands share.
/// It knows nothing of how lines arrive; `ShellRunner` feeds it.
final class ShellSession {
    let table: CommandTable
    /// Its width follows the window: `refreshWidth()` reads it again before each command.
    private(set) var terminal: TerminalInfo
    /// Reads the terminal's width now; set by the launcher for a real terminal.
    var measureWidth: (() -> Int)?
    let style: Style
    /// Where everything goes, through the gate that keeps untrusted text from the terminal's controls.
    let output: ShellOutput
    let home: ShellHome
    let interrupt: InterruptFlag

    /// Where the learner is, shown in the prompt: `02-backpressure 3/7`. Set by the course.
    var location: String?
    /// The course, when lessons were found; nil leaves the course commands explaining why.
    var course: CourseState?
    /// The lab's world, started by `lab` or by the first lab command.
    var lab: LabState?
    /// The real PostgreSQL and PgBouncer of `real`, once a `real` command ran.
    var realServers: RealServerLab?
    /// A yes/no question waiting for the next line (`reset-progress`): run on yes, dropped otherwise.
    var pendingConfirmation: (prompt: String, action: () -> Void)?
    /// A command reading lines of its own (`replay` stepping through a trace) until it says it is done.
    var subPrompt: SubPrompt?
    /// The worst outcome so far; the process exits with it when input is not a terminal.
    private(set) var status: ExitStatus = .success
    private(set) var quitRequested = false
    /// Prefixed to error messages when commands come from a file: `session.txt:3`.
    var sourceLocation: String?

    /// Bytes in one command line: no command or answer needs more, and every check stays cheap.
    static let longestLine = 16 * 1024

    init(
        table: CommandTable = .standard,
        terminal: TerminalInfo = .plain,
        output: ShellOutput,
        home: ShellHome,
        interrupt: InterruptFlag = InterruptFlag()
    ) {
        self.table = table
        self.terminal = terminal
        self.style = Style(enabled: terminal.colour)
        self.output = output as? GatedOutput ?? GatedOutput(output, terminal: terminal)
        self.home = home
        self.interrupt = interrupt
    }

    /// `poolschool [02-backpressure 3/7]> `; on a narrow terminal `[02-backpressure 3/7]> `, then
    /// `[02 3/7]> `, so at least half the line is left for typing.
    var prompt: String {
        if let pending = pendingConfirmation { return pending.prompt + " [y/N] " }
        if let subPrompt { return subPrompt.prompt }
        guard let location = (course?.location ?? location).map(Sanitizer.clean) else { return "poolschool> " }
        let half = terminal.width / 2
        let full = "poolschool [\(location)]> "
        if full.count <= half + 8 { return full }
        if location.count + 4 <= half { return "[\(location)]> " }
        let words = location.split(separator: " ")
        let number = words.first?.split(separator: "-").first.map(String.init) ?? ""
        return "[\(([number] + words.dropFirst().map(String.init)).joined(separator: " "))]> "
    }

    /// Runs one line and returns how it went. Blank lines and `#` comments do nothing.
    @discardableResult
    func execute(_ line: String) -> ExitStatus {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if let pending = pendingConfirmation {
            pendingConfirmation = nil
            if ["y", "yes"].contains(trimmed.lowercased()) {
                pending.action()
            } else {
                say("Cancelled; nothing changed.")
            }
            return .success
        }
        if let stepping = subPrompt {
            if !stepping.handle(trimmed, in: self) { subPrompt = nil }
            return .success
        }
        guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { return .success }
        guard trimmed.utf8.count <= Self.longestLine else {
            return report(
                "a line of \(trimmed.utf8.count) bytes is too long; at most \(Self.longestLine) are read",
                status: .usage)
        }
        let words: [String]
        do {
            let name = try Tokenizer.split(trimmed, words: 1).words.first
            if let verbatim = name.flatMap(table.command(named:))?.verbatimAfter {
                let split = try Tokenizer.split(trimmed, words: 1 + verbatim)
                words = split.words + (split.rest.map { [$0] } ?? [])
            } else {
                words = try Tokenizer.split(trimmed)
            }
        } catch {
            return report(error.message, status: .usage)
        }
        if let learner = lab?.learner, let name = words.first, let command = table.command(named: name),
            LearnerLab.commands.contains(command.name)
        {
            return forward(([command.name] + words.dropFirst()).joined(separator: " "), to: learner)
        }
        guard let name = words.first, let command = table.command(named: name) else {
            // A line that is not a command answers the question on screen, if there is one, unless it is a
            // mistyped command (`borow`) that could not be an answer anyway: then the typo is what to hear about.
            if let course, let question = course.currentQuestion, let lesson = course.lesson,
                let answer = table.command(named: "answer")
            {
                let typo = table.unknownCommandMessage(words.first ?? trimmed)
                if typo.contains("did you mean"),
                    course.checker(for: lesson, question).check(trimmed, for: question).isUnreadable
                {
                    let hint = " (to answer question '\(question.id)', type 'answer VALUE')"
                    return report(typo + hint, status: .failure)
                }
                return run(answer, arguments: [trimmed])
            }
            return report(notACommand(words.first ?? trimmed, line: trimmed), status: .failure)
        }
        return run(command, arguments: Array(words.dropFirst()))
    }

    /// A line that is neither a command nor an answer to an open question. In a lesson, a number
    /// or a word no command resembles was most likely meant as an answer: say there is no question open.
    private func notACommand(_ word: String, line: String) -> String {
        let unknown = table.unknownCommandMessage(word)
        guard let course, let lesson = course.lesson, !unknown.contains("did you mean") else { return unknown }
        let others = lesson.pages[course.page].questions.isEmpty ? "" : " (all answered or explained)"
        return "no open question on this page\(others) to answer '\(Sanitizer.clean(line))'; "
            + "'answer QID VALUE' answers one by its id, 'help' lists the commands"
    }

    private func run(_ command: ShellCommand, arguments: [String]) -> ExitStatus {
        do {
            try command.run(arguments, self)
            return .success
        } catch {
            switch error {
            case .usage(let message):
                return report("\(command.name): \(message)\nusage: \(command.usage)", status: .usage)
            case .failed(let message):
                return report(message, status: .failure)
            }
        }
    }

    /// Takes the window's current width, so output fits a terminal resized since the last command.
    func refreshWidth() {
        if let width = measureWidth?() { terminal.width = max(20, width) }
    }

    /// Writes text and a newline; at a terminal, long lines wrap between words to its width.
    func say(_ text: String = "") {
        let fitted =
            terminal.isInteractive
            ? LineFitter.fit(AdminTableView.fitTables(in: text, width: terminal.width), width: terminal.width) : text
        output.write(fitted + "\n", error: false)
    }

    /// Writes Markdown rendered for this terminal's width and colour.
    func render(markdown: String) {
        output.write(MarkdownRenderer(width: terminal.width, style: style).render(markdown), error: false)
    }

    /// Asks the runner to stop after this command.
    func requestQuit() {
        quitRequested = true
    }

    /// Prints an error (on stderr) and records the outcome.
    @discardableResult
    func report(_ message: String, status: ExitStatus) -> ExitStatus {
        let prefix = sourceLocation.map { "\($0): " } ?? ""
        let text = terminal.isInteractive ? LineFitter.fit(prefix + message, width: terminal.width) : prefix + message
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let first = style.red(String(lines[0]))
        let rest = lines.dropFirst().map { "\n" + style.dim(String($0)) }.joined()
        output.write(first + rest + "\n", error: true)
        self.status = max(self.status, status)
        return status
    }
}
