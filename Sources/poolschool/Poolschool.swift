import ArgumentParser
import Foundation
import Shell

/// The command line: parse, hand over to a module, exit with its status.
@main
struct Poolschool: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "poolschool",
        abstract: "Learn database connection pooling by doing: lessons, a simulated world, graded exercises.",
        discussion: """
            With no subcommand, opens the interactive shell. On a terminal it has line editing, history and \
            Tab completion; otherwise it reads plain lines from standard input and exits 1 if any command \
            failed, 2 on a usage error.
            """,
        version: PoolschoolVersion.current,
        subcommands: [
            ShellSubcommand.self, RunCommand.self, LessonsCommand.self, LintCommand.self, CheckCommand.self,
            WatchCommand.self, SimCommand.self, GradeCommand.self, StartCommand.self, PreviewCommand.self,
            ReportCommand.self, GradebookCommand.self, RealSubcommand.self,
        ],
        // The root declares no options of its own, so every flag reaches the subcommand it was given to.
        defaultSubcommand: ShellSubcommand.self
    )

    /// Usage errors exit 2, as DESIGN.md says, rather than argument-parser's default 64.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                Foundation.exit(ExitStatus.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}

extension ExitStatus {
    /// Ends the process with this status through argument-parser's error path.
    func finish() throws {
        if self != .success { throw ExitCode(rawValue) }
    }
}
