import Foundation

/// A project folder where the learner has started `waiting-pool`, with a stand-in `swift` on PATH whose
/// `build` either fails with a compile error in the exercise or "builds" `poolschool-pool` by copying
/// the PoolChildFixture executable (the real child protocol, with pools the test chooses by FIXTURE_POOL).
struct PoolProject {
    let folder: URL
    let fakeSwift: URL

    init(started: Bool = true) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("pool-project-\(UUID().uuidString)")
        let exercises = folder.appendingPathComponent("Exercises")
        try FileManager.default.createDirectory(at: exercises, withIntermediateDirectories: true)
        let shipped = PoolschoolProcess.packageRoot.appendingPathComponent("Exercises")
        try FileManager.default.copyItem(
            at: shipped.appendingPathComponent("exercises.yaml"), to: exercises.appendingPathComponent("exercises.yaml")
        )
        let stub = try String(contentsOf: shipped.appendingPathComponent("03-waiting-pool.swift"), encoding: .utf8)
        let file = started ? stub.replacingOccurrences(of: "extension WaitingPool: Unattempted {}\n", with: "") : stub
        try file.write(to: exercises.appendingPathComponent("03-waiting-pool.swift"), atomically: true, encoding: .utf8)

        fakeSwift = folder.appendingPathComponent("fake-bin")
        try FileManager.default.createDirectory(at: fakeSwift, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            echo "$@" >> '\(folder.path)/builds.log'
            if [ "$FIXTURE_BUILD" = fail ]; then
              echo "Compiling Exercises 03-waiting-pool.swift"
              echo "Exercises/03-waiting-pool.swift:25:9: error: cannot find 'conections' in scope"
              exit 1
            fi
            mkdir -p .build/release && cp '\(Self.fixture.path)' .build/release/poolschool-pool

            """
        let swift = fakeSwift.appendingPathComponent("swift")
        try script.write(to: swift, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: swift.path)
    }

    /// The fixture child, built beside the test bundle (ShellTests depends on it).
    static var fixture: URL {
        PoolschoolProcess.executable.deletingLastPathComponent().appendingPathComponent("PoolChildFixture")
    }

    var path: String { folder.path }

    /// Environment for the shell: the fake swift first on PATH, and the fixture's choices.
    func environment(_ extra: [String: String] = [:]) -> [String: String] {
        var environment = [
            "PATH": fakeSwift.path + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")
        ]
        for (key, value) in extra { environment[key] = value }
        return environment
    }

    /// How many times the shell ran `swift build`.
    var builds: Int {
        ((try? String(contentsOf: folder.appendingPathComponent("builds.log"), encoding: .utf8)) ?? "")
            .split(separator: "\n").count
    }

    /// The shell in this folder with `lines` on a pipe.
    func shell(_ lines: [String], _ extra: [String: String] = [:]) throws -> PoolschoolProcess.Result {
        try PoolschoolProcess.run(
            [], input: lines.joined(separator: "\n") + "\n", environment: environment(extra), directory: path)
    }

    func remove() { try? FileManager.default.removeItem(at: folder) }
}
