import ArgumentParser
import Foundation
import Shell

struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run shell commands from a file, one per line; '#' starts a comment.",
        discussion: "Exits 1 if any command failed, 2 on a usage error. Errors name the file and line."
    )

    @Argument(help: "The file of shell commands.")
    var file: String

    @OptionGroup var course: CourseFlags

    func run() throws {
        try ShellLauncher.script(path: file, environment: ProcessInfo.processInfo.environment, options: course.options)
            .finish()
    }
}
