import Foundation

/// A project folder in which the learner has started `waiting-pool` (its file has no Unattempted marker), so
/// `check` goes on to build and grade, against a `FakeSwift`, without touching the real Exercises/.
public struct StartedProject {
    public let folder: URL

    public init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("project-\(UUID().uuidString)")
        let exercises = folder.appendingPathComponent("Exercises")
        try FileManager.default.createDirectory(at: exercises, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: PoolschoolProcess.packageRoot.appendingPathComponent("Exercises/exercises.yaml"),
            to: exercises.appendingPathComponent("exercises.yaml"))
        try "// started: the marker line is gone\n".write(
            to: exercises.appendingPathComponent("03-waiting-pool.swift"), atomically: true, encoding: .utf8)
    }

    public var path: String { folder.path }

    public func remove() { try? FileManager.default.removeItem(at: folder) }
}
