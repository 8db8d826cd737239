import ArgumentParser
import Foundation
import Shell

/// `poolschool shell` (the default): the interactive shell.
///
/// The shell is a subcommand of its own, not the root command's `run()`, so the root has no options: an
/// option the root declared (such as `--seed`) would take the value of a subcommand's option of the same
/// name, and `poolschool sim --seed 2` would silently run with seed 1.
struct ShellSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "shell",
        abstract: "Open the interactive shell (the default when no subcommand is given).",
        discussion: """
            On a terminal it has line editing, history and Tab completion; otherwise it reads plain lines from \
            standard input and exits 1 if any command failed, 2 on a usage error.
            """)

    @OptionGroup var course: CourseFlags

    func run() throws {
        try ShellLauncher.interactive(environment: ProcessInfo.processInfo.environment, options: course.options)
            .finish()
    }
}
