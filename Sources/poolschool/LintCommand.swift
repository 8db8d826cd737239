import ArgumentParser
import Foundation
import Shell

struct LintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check lesson files; every problem is printed as file:line: message.",
        discussion: """
            Exits 1 if there is an error; warnings (file:line: warning: message) alone exit 0. --json prints one \
            JSON document instead (see Lessons/README.md). With --hash-answer, prints a hidden answer key instead.
            """)

    @Argument(help: "Lesson files or folders (default: the lessons folder).")
    var paths: [String] = []

    @OptionGroup var course: CourseFlags

    @Flag(help: "Print the diagnostics as JSON (file, line, column, severity, code, message).")
    var json = false

    @Option(help: "Print the answer-hash for this answer, normalised for --kind as the checker does, and exit.")
    var hashAnswer: String?

    @Option(help: "The salt to hash --hash-answer with.")
    var salt: String?

    @Option(help: "The question's kind for --hash-answer: numeric, choice, multi or text.")
    var kind: String?

    @Option(help: "A numeric question's unit for --hash-answer (default: the unit the answer is written in).")
    var unit: String?

    func validate() throws {
        guard let hashAnswer else {
            if salt != nil || kind != nil || unit != nil {
                throw ValidationError("--salt, --kind and --unit go with --hash-answer ANSWER")
            }
            return
        }
        if salt?.isEmpty ?? true { throw ValidationError("--hash-answer needs --salt TEXT") }
        do {
            _ = try CourseCommandLine.hashAnswer(hashAnswer, salt: salt ?? "", kind: kind, unit: unit)
        } catch {
            throw ValidationError(error.message)
        }
    }

    func run() throws {
        if let hashAnswer, let salt {
            let hashed = try CourseCommandLine.hashAnswer(hashAnswer, salt: salt, kind: kind, unit: unit)
            print(hashed.hash)
            FileHandle.standardError.write(
                Data("hashed '\(hashed.normalised)': the \(kind ?? "") answer as the checker normalises it\n".utf8))
            return
        }
        try CourseCommandLine.lint(
            paths: paths, options: course.options, environment: ProcessInfo.processInfo.environment, json: json
        )
        .finish()
    }
}
