import ArgumentParser
import Foundation
import Shell

struct PreviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "preview",
        abstract: "Show a lesson as one learner sees it, with every key, hint and explanation, and run its labs.",
        discussion: """
            LESSON is a lesson id of the course or a lesson file. The learner is --as NAME, or --seed N, else you. \
            Keys are shown in that learner's numbers and letters; a hidden (hashed) key is checked against \
            --answer QID=TEXT. Each lab's steps run in a fresh world and each expectation is reported. Exits 1 if \
            a lab step fails, an expectation does not hold or an --answer does not match.

            --all-seeds K draws K learners (learner-1 … learner-K; preview one with --as learner-7) and reports \
            every numeric key that is undefined, not finite, negative, outside its question's range, or not a clean \
            number at the precision its prompt asks; exit 1 if any. Without LESSON it sweeps the whole course.
            """)

    @Argument(help: "A lesson id, or a lesson file (.md).")
    var lesson: String?

    @OptionGroup var course: CourseFlags

    @Option(name: .customLong("as"), help: "Preview as this learner (their params and orders come from the name).")
    var learner: String?

    @Option(name: .customLong("answer"), help: "QID=TEXT: check this answer against question QID's key (repeatable).")
    var answers: [String] = []

    @Option(help: "Draw this many learners and report keys no learner should get.")
    var allSeeds: Int?

    var request: PreviewCommandLine.Request {
        PreviewCommandLine.Request(
            lesson: lesson, seed: course.seed, learner: learner, answers: answers, allSeeds: allSeeds)
    }

    func validate() throws {
        if let problem = PreviewCommandLine.validate(request) { throw ValidationError(problem) }
    }

    func run() throws {
        try PreviewCommandLine.run(request, options: course.options, environment: ProcessInfo.processInfo.environment)
            .finish()
    }
}

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Write one learner's whole record (lessons, labs, exercises) as JSON for an LMS.",
        discussion: """
            Run it in the project folder: points come from Exercises/exercises.yaml and the lessons from the \
            lessons folder. The schema is in Lessons/README.md ("A learner's report").
            """)

    @Option(help: "Write the report to this file ('-' for standard output).")
    var json: String

    @Option(help: "The progress file to report (default: progress.json in the poolschool home).")
    var progress: String?

    @Option(name: .customLong("lessons"), help: "The lessons folder (default: $POOLSCHOOL_LESSONS, else ./Lessons).")
    var lessons: String?

    func run() throws {
        try ReportCommandLine.report(
            json: json, progressPath: progress, options: CourseOptions(lessons: lessons),
            environment: ProcessInfo.processInfo.environment
        )
        .finish()
    }
}

struct GradebookCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gradebook",
        abstract: "Merge a class's reports: per-learner totals, most-missed questions, exercise pass rates.",
        discussion: """
            Give report files (from `poolschool report --json`) or folders of them (every *.json inside). With no \
            output option the gradebook is printed as Markdown. Points come from Exercises/exercises.yaml when run \
            in the project folder, else from the reports. A file that is not a report is named with what is wrong \
            with it; the rest are merged, and the exit status is 1.
            """)

    @Argument(help: "Report files, or folders of them.")
    var paths: [String]

    @Option(help: "Write the gradebook as CSV to this file.")
    var csv: String?

    @Option(name: .customLong("md"), help: "Write the gradebook as Markdown to this file.")
    var markdown: String?

    @Option(help: "Write the gradebook as an HTML page to this file.")
    var html: String?

    func run() throws {
        try GradebookCommandLine.run(
            paths: paths, outputs: .init(csv: csv, markdown: markdown, html: html),
            environment: ProcessInfo.processInfo.environment
        )
        .finish()
    }
}
