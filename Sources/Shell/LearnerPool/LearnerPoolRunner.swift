import Foundation
import Grading
import PoolWorld

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Runs a learner's pool in the world without linking it: builds the `poolschool-pool` product on demand and
/// runs one request in it as a child process.
///
/// A compile error comes back at its file and line, a trap with the runtime's message, an endless loop is
/// stopped by the child's CPU limit (and a wall-clock backstop), and Ctrl-C ends the child; in every case the
/// shell carries on.
struct LearnerPoolRunner: Sendable {
    /// Why the learner's pool did not run; the message alone says what to do.
    struct Failure: Error, Sendable {
        var message: String
        /// A mistake in what was asked (an unknown exercise), not in the learner's code.
        var isUsage = false
    }

    var root: String
    var swift: String
    /// CPU seconds the child may use (`POOLSCHOOL_POOL_CPU_SECONDS`, default 20).
    var cpuSeconds: Int

    init(
        root: String, swift: String = "swift", environment: [String: String] = ProcessInfo.processInfo.environment
    ) {
        self.root = root
        self.swift = swift
        cpuSeconds = environment["POOLSCHOOL_POOL_CPU_SECONDS"].flatMap(Int.init).map { min(max($0, 1), 600) } ?? 20
    }

    /// Where `swift build -c release --product poolschool-pool` leaves the child. Release, because a debug build
    /// compiles PoolWorld file by file and its simulator would run unspecialised, several times slower; and
    /// `make run` has already built every module but Exercises that way.
    var executable: String {
        (root as NSString).appendingPathComponent(".build/release/" + LearnerPool.product)
    }

    /// Builds the child if the learner's files changed since, then runs `request` in it.
    func run(_ request: LearnerPoolRequest, observer: RunObserver) -> Result<LearnerPoolReply, Failure> {
        if let problem = checkExercise(request.exercise) { return .failure(problem) }
        if let problem = buildIfNeeded(observer: observer) { return .failure(problem) }
        var request = request
        request.cpuSeconds = cpuSeconds
        return runChild(request, observer: observer)
    }

    /// An exercise that is a pool and has been started.
    func checkExercise(_ name: String) -> Failure? {
        guard LearnerPool.exercises.contains(name), let exercise = GradedExercise.named(name) else {
            return Failure(
                message: "'\(Sanitizer.clean(name))' is not a pool exercise; the pools that run in the world are "
                    + LearnerPool.exercises.joined(separator: ", "),
                isUsage: true)
        }
        let file = (root as NSString).appendingPathComponent(exercise.file)
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            return Failure(message: "cannot read \(exercise.file): run the shell in the poolschool folder")
        }
        if let line = UnattemptedMarker.lineNumber(in: text, typeName: exercise.typeName) {
            return Failure(
                message: "\(name): not started, so there is no pool of yours to run yet. Edit \(exercise.file) and "
                    + "delete line \(line) (`\(UnattemptedMarker.line(for: exercise.typeName))`).")
        }
        return nil
    }

    // MARK: Building

    /// Builds the child unless it is newer than every source it is made of.
    func buildIfNeeded(observer: RunObserver) -> Failure? {
        guard !isUpToDate else { return nil }
        observer.progress(
            "building your pool (swift build -c release --product \(LearnerPool.product); the first build takes a few "
                + "minutes, later ones seconds)")
        let builder = ExerciseRunner(root: root, swift: swift, timeLimit: .seconds(900))
        let result = builder.run(
            [swift, "build", "-c", "release", "--product", LearnerPool.product], environment: [:], observer: observer,
            doing: "building your pool")
        if result.cancelled { return Failure(message: "cancelled (Ctrl-C) while building your pool; nothing ran") }
        if result.timedOut { return Failure(message: "building your pool did not finish within 15 minutes") }
        guard result.status == 0 else {
            let errors = ExerciseRunner.compileErrors(in: result.output, root: root)
            guard !errors.isEmpty else {
                return Failure(
                    message: "your pool does not build:\n" + Sanitizer.clean(String(result.output.suffix(1_500))))
            }
            let lines = errors.prefix(5).map { error in
                var text = "\(error.file):\(error.line):\(error.column): \(error.message)"
                if let source = error.source {
                    text += "\n    \(source)\n    " + String(repeating: " ", count: max(0, error.column - 1)) + "^"
                }
                return text
            }
            return Failure(message: Sanitizer.clean((["your pool does not build:"] + lines).joined(separator: "\n")))
        }
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            return Failure(message: "the build succeeded but left no \(executable)")
        }
        return nil
    }

    /// The child exists and is newer than Package.swift, Exercises/ and Sources/.
    var isUpToDate: Bool {
        guard let built = Self.modified(executable) else { return false }
        var newest = Self.modified((root as NSString).appendingPathComponent("Package.swift")) ?? 0
        for folder in ["Exercises", "Sources"] {
            let path = (root as NSString).appendingPathComponent(folder)
            for case let name as String in FileManager.default.enumerator(atPath: path) ?? NSEnumerator() {
                newest = max(newest, Self.modified(path + "/" + name) ?? 0)
            }
        }
        return built >= newest
    }

    /// A file's modification time in nanoseconds. `stat` itself: Foundation's attributes look up the owner's
    /// name in /etc/passwd for every file, which made this check cost more than the run.
    static func modified(_ path: String) -> Int64? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    }
}
