import ArgumentParser
import Foundation
import Shell

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lesson files; every problem is printed as file:line: message.",
        discussion: "Exits 1 if there is any problem. With --hash-answer, prints a hidden answer key instead.")

    @Argument(help: "Lesson files or folders (default: the lessons folder).")
    var paths: [String] = []

    @OptionGroup var course: CourseFlags

    @Option(help: "Print the answer-hash for this normalised answer (see Lessons/README.md) and exit.")
    var hashAnswer: String?

    @Option(help: "The salt to hash --hash-answer with.")
    var salt: String?

    func validate() throws {
        if hashAnswer != nil, salt?.isEmpty ?? true { throw ValidationError("--hash-answer needs --salt TEXT") }
        if salt != nil, hashAnswer == nil { throw ValidationError("--salt goes with --hash-answer ANSWER") }
    }

    func run() throws {
        if let hashAnswer, let salt {
            print(CourseCommandLine.hashAnswer(hashAnswer, salt: salt))
            return
        }
        try CourseCommandLine.lint(
            paths: paths, options: course.options, environment: ProcessInfo.processInfo.environment
        )
        .finish()
    }
}
