import ArgumentParser
import Shell

/// Which lessons, and whose numbers: shared by the shell and the course subcommands.
struct CourseFlags: ParsableArguments {
    @Option(name: .customLong("lessons"), help: "The lessons folder (default: $POOLSCHOOL_LESSONS, else ./Lessons).")
    var lessons: String?

    @Option(help: "Seed for your own numbers in parameterised questions (default: from your name).")
    var seed: UInt64?

    var options: CourseOptions { CourseOptions(lessons: lessons, seed: seed) }
}
