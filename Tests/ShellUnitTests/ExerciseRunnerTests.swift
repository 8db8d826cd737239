import Foundation
import Grading
import Testing

@testable import Shell

/// The runner believes a report only as far as the grader agrees: learner code that kills the grading process
/// after writing a passing report into the folder gets no pass.
@Suite struct ExerciseRunnerTests {
    /// A stand-in for `poolschool-grade` in `folder`'s `.build/debug` that leaves a passing report for
    /// exercise 2 and exits with `status`.
    func fakeGrader(exiting status: Int32, in folder: URL) throws {
        let names = PoolSuites.fixedSize(NoPool.self).checks.map(\.name)
        let report = ExerciseReport(
            exercise: "fixed-size-pool", checks: names.map { CheckResult(name: $0, passed: true, cases: 1) })
        let bin = folder.appendingPathComponent(".build/debug")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        let script = bin.appendingPathComponent("poolschool-grade")
        let text =
            "#!/bin/sh\ncat > \"$POOLSCHOOL_REPORT_DIR/fixed-size-pool.json\" <<'END'\n\(report.jsonLine)\nEND\nexit \(status)\n"
        try text.write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }

    @Test func aPassingReportCountsOnlyWhenTheGraderPassed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runner-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for status: Int32 in [1, 0] {
            try fakeGrader(exiting: status, in: folder)
            let runner = ExerciseRunner(root: folder.path)
            switch runner.grade(.fixedSizePool, built: true) {
            case .graded(let report):
                #expect(status == 0 && report.passed, "a report was believed although the grader exited \(status)")
            case .failed(let output):
                #expect(status != 0, "the grader passed, yet the report was not believed: \(output)")
                #expect(output.contains("the report says passed but the grader did not"))
            default:
                Issue.record("unexpected outcome for the grader exiting \(status)")
            }
        }
    }

    @Test func aReplaySeedFromTheLearnersShellIsDropped() {
        let base = ["PATH": "/bin", CheckOptions.replayVariable: "10001"]
        let plain = ExerciseRunner.environment(base, adding: ["POOLSCHOOL_REPORT_DIR": "/tmp/x"])
        #expect(plain[CheckOptions.replayVariable] == nil)
        #expect(plain["PATH"] == "/bin" && plain["POOLSCHOOL_REPORT_DIR"] == "/tmp/x")
        let replay = ExerciseRunner.environment(base, adding: [CheckOptions.replayVariable: "20001"])
        #expect(replay[CheckOptions.replayVariable] == "20001")
    }
}

/// Only its check names are used.
private struct NoPool: PoolExercise {
    let config: PoolConfig
    init(config: PoolConfig, seed: UInt64) { self.config = config }
    var metrics: PoolMetrics { PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0) }
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {}
}
