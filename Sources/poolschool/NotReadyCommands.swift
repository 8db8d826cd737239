import ArgumentParser
import Foundation
import Shell

/// Subcommands whose work arrives with a later part of the course. They exist now, accept their
/// documented arguments, and say plainly that they are not ready instead of pretending.
private func notReady(_ name: String, arrivesWith part: String) throws -> Never {
    FileHandle.standardError.write(Data("poolschool \(name): not ready yet; it arrives with \(part)\n".utf8))
    throw ExitCode(ExitStatus.failure.rawValue)
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Build and grade exercises, each in its own process. (Not ready yet.)")

    @Argument(help: "One exercise to grade (default: all).")
    var exercise: String?

    func run() throws { try notReady("check", arrivesWith: "the exercises") }
}

struct WatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch", abstract: "Re-grade the current exercise on every save. (Not ready yet.)")

    func run() throws { try notReady("watch", arrivesWith: "the exercises") }
}

struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade", abstract: "Write per-exercise results as JSON or JUnit XML. (Not ready yet.)")

    @Option(help: "Write JSON results to this file.")
    var json: String?

    @Option(help: "Write JUnit XML results to this file.")
    var junit: String?

    func run() throws { try notReady("grade", arrivesWith: "the exercises") }
}
