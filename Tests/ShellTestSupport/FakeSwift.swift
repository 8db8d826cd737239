import Foundation
import Grading

/// A stand-in `swift` on PATH for the shell's exercise commands: `swift build` succeeds at once and puts a
/// stand-in `poolschool-grade` in the project's `.build/debug`, which leaves the report given here, so a test
/// reaches `replay` and `check` without building the exercises (minutes) or depending on what the learner's
/// files hold. Use it only in a scratch project folder (`StartedProject`), never in the package itself.
public struct FakeSwift {
    /// Put this folder first on the shell's PATH.
    public let folder: URL

    /// `report` is what `swift test` leaves for `exercise`; `buildSeconds` makes `swift build` take that long
    /// (printing a line first), so a test can catch the shell in the middle of a build.
    public init(report: ExerciseReport, exercise: String, buildSeconds: Int = 0) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("fake-swift-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let grader = """
            #!/bin/sh
            cat > "$POOLSCHOOL_REPORT_DIR/\(exercise).json" <<'END'
            \(report.jsonLine)
            END
            exit 1

            """
        try grader.write(to: folder.appendingPathComponent("grader"), atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes(
            [.posixPermissions: 0o755], ofItemAtPath: folder.appendingPathComponent("grader").path)
        let script = """
            #!/bin/sh
            if [ "$1" = build ]; then
              echo "Building for debugging..."
              mkdir -p .build/debug && cp '\(folder.path)/grader' .build/debug/poolschool-grade
              # Ignore Ctrl-C, as a busy compiler may for a while: the shell must still end the build.
              trap '' INT
              echo $$ > '\(folder.path)/build.pid'
              exec sleep \(buildSeconds)
            fi
            echo "the fake swift only builds" >&2
            exit 2

            """
        let file = folder.appendingPathComponent("swift")
        try script.write(to: file, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: file.path)
    }

    /// The PATH the shell should run with.
    public var path: String { folder.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin") }

    /// The process id of the last `swift build`, once it started.
    public var buildProcess: Int32? {
        (try? String(contentsOf: folder.appendingPathComponent("build.pid"), encoding: .utf8))
            .flatMap { Int32($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
    }

    public func remove() { try? FileManager.default.removeItem(at: folder) }
}
