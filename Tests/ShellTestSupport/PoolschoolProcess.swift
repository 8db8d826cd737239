import Foundation

/// Runs the built `poolschool` executable as a separate process, as a script or a person would.
public struct PoolschoolProcess {
    public struct Result {
        public let stdout: String
        public let stderr: String
        public let status: Int32
    }

    /// The executable beside the test bundle (SwiftPM builds both into one folder), else the
    /// package's default debug build.
    public static let executable: URL = {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
            .deletingLastPathComponent().appendingPathComponent("poolschool")
        if FileManager.default.isExecutableFile(atPath: beside.path) { return beside }
        return packageRoot.appendingPathComponent(".build/debug/poolschool")
    }()

    public static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Runs with `input` on standard input (not a terminal) and a private poolschool home; in `directory`
    /// (the project the shell sees) if given, else in the test's own.
    public static func run(
        _ arguments: [String], input: String = "", environment extra: [String: String] = [:],
        directory: String? = nil, seconds: Double = 30
    ) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("poolschool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let inputFile = scratch.appendingPathComponent("stdin")
        let outFile = scratch.appendingPathComponent("stdout")
        let errFile = scratch.appendingPathComponent("stderr")
        try Data(input.utf8).write(to: inputFile)

        var environment = ProcessInfo.processInfo.environment
        environment["POOLSCHOOL_HOME"] = scratch.appendingPathComponent("home").path
        environment.removeValue(forKey: "NO_COLOR")
        for (key, value) in extra { environment[key] = value }
        // sh's $0 is the folder, "$@" the command: no quoting of paths needed.
        let launch = directory.map { ["/bin/sh", "-c", "cd \"$0\" && exec \"$@\"", $0] } ?? []
        let status = try Spawn.run(
            launch + [executable.path] + arguments, environment: environment, stdin: inputFile.path,
            stdout: outFile.path,
            stderr: errFile.path, seconds: seconds)
        return Result(
            stdout: try String(contentsOf: outFile, encoding: .utf8),
            stderr: try String(contentsOf: errFile, encoding: .utf8),
            status: status
        )
    }
}
