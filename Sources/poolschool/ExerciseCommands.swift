import ArgumentParser
import Foundation
import Shell

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Build and grade exercises, each in its own process with a time limit.",
        discussion: "Run it in the project folder. Exits 1 if the package does not build or a check fails.")

    @Argument(help: "Exercises to grade (default: all).")
    var exercises: [String] = []

    func validate() throws {
        if let problem = ExerciseCommandLine.validate(exercises, environment: ProcessInfo.processInfo.environment) {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        try ExerciseCommandLine.check(exercises, environment: ProcessInfo.processInfo.environment).finish()
    }
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Re-grade an exercise on every save, and move on when it passes.",
        discussion: """
            Follows EXERCISE if named, else the exercise whose file you saved last. Keys, without Enter at a \
            terminal: h hint, l list, r reset the exercise to its stub (your file is kept), q quit.
            """)

    @Argument(help: "The exercise to follow (default: the one you saved last).")
    var exercise: String?

    func validate() throws {
        if let problem = ExerciseCommandLine.validate(
            exercise.map { [$0] } ?? [], environment: ProcessInfo.processInfo.environment)
        {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        try ExerciseCommandLine.watch(exercise, environment: ProcessInfo.processInfo.environment).finish()
    }
}

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade every exercise and write per-exercise, per-check results as JSON or JUnit XML.")

    @Option(help: "Write JSON results to this file.")
    var json: String?

    @Option(help: "Write JUnit XML results to this file.")
    var junit: String?

    func validate() throws {
        if json == nil && junit == nil { throw ValidationError("name a file with --json FILE or --junit FILE") }
    }

    func run() throws {
        try ExerciseCommandLine.grade(json: json, junit: junit, environment: ProcessInfo.processInfo.environment)
            .finish()
    }
}

struct StartCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "start",
        abstract: "Start an exercise from your passing pool of the exercise it builds on.",
        discussion: """
            Run it in the project folder. Copies your code of the exercise EXERCISE builds on (it must have \
            passed) into EXERCISE's file, renamed, under its instructions, keeping the replaced file in \
            backups/ of your poolschool home. Exits 1 if it cannot (nothing changed then).
            """)

    @Argument(help: "The exercise to start, e.g. leak-detection.")
    var exercise: String

    @Flag(help: "Replace the file even if you have started it (it is kept as a backup).")
    var force = false

    func validate() throws {
        if let problem = ExerciseCommandLine.validate([exercise], environment: ProcessInfo.processInfo.environment) {
            throw ValidationError(problem)
        }
    }

    func run() throws {
        try ExerciseCommandLine.start(exercise, force: force, environment: ProcessInfo.processInfo.environment)
            .finish()
    }
}
