import Foundation
import Grading
import Testing

/// `poolschool-grade`, what `poolschool check` runs: it grades the learner's file (here exercise 2's stub, as
/// shipped) with the exercise's own suite and leaves the verified report where the shell reads it.
@Suite(.timeLimit(.minutes(2)))
struct GraderExecutableTests {
    static let grader = PoolschoolProcess.executable.deletingLastPathComponent()
        .appendingPathComponent("poolschool-grade")

    func run(_ arguments: [String], reports: URL) throws -> (status: Int32, stdout: String, stderr: String) {
        let out = reports.appendingPathComponent("out.txt"), err = reports.appendingPathComponent("err.txt")
        let status = try Spawn.run(
            [Self.grader.path] + arguments,
            environment: ["POOLSCHOOL_REPORT_DIR": reports.path, "PATH": "/usr/bin:/bin"], stdout: out.path,
            stderr: err.path, seconds: 90)
        return (
            status, (try? String(contentsOf: out, encoding: .utf8)) ?? "",
            (try? String(contentsOf: err, encoding: .utf8)) ?? ""
        )
    }

    @Test func theShippedStubIsGradedByItsSuiteAndFails() throws {
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("grader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: reports) }
        let result = try run(["fixed-size-pool"], reports: reports)
        #expect(result.status == 1, "a stub that does nothing cannot pass: \(result)")
        let text = try String(contentsOf: reports.appendingPathComponent("fixed-size-pool.json"), encoding: .utf8)
        let report = try #require(ExerciseReport.decode(text))
        // Every check of the exercise's suite, in order: the verdict came through the channel, verified.
        #expect(
            report.checks.map(\.name)
                == PoolSuites.fixedSize(NamesOnly.self).requiringOwnMachine(NamesOnly.self).checks.map(\.name))
        #expect(!report.passed && report.checks.contains { !$0.passed && !$0.trace.isEmpty })
        let passing = report.checks.filter(\.passed).count
        #expect(result.stdout == "fixed-size-pool: \(passing) of \(report.checks.count) checks pass.\n")
    }

    @Test func anUnknownExerciseIsNamedWithTheOnesThereAre() throws {
        let reports = FileManager.default.temporaryDirectory.appendingPathComponent("grader-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: reports, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: reports) }
        let result = try run(["fixed-pool"], reports: reports)
        #expect(result.status == 2)
        #expect(result.stderr.contains("no exercise is named 'fixed-pool'; the exercises are sizing-arithmetic"))
        #expect(!FileManager.default.fileExists(atPath: reports.appendingPathComponent("fixed-pool.json").path))
    }
}

/// A pool whose suite is built only for its check names.
private struct NamesOnly: PoolExercise {
    init(config: PoolConfig, seed: UInt64) {}
    var maximumConnections: Int { 0 }
    var metrics: PoolMetrics { PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0) }
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {}
}
