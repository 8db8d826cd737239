import Foundation
import Testing

/// What `make run` does for a learner: start the optimised shell, and survive a moved checkout.
@Suite(.timeLimit(.minutes(1))) struct MakefileTests {
    func output(_ arguments: [String], in folder: URL) throws -> (text: String, status: Int32) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("make-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: file) }
        let status = try Spawn.run(
            ["sh", "-c", "cd '\(folder.path)' && exec \"$@\" 2>&1", "sh"] + arguments,
            environment: ProcessInfo.processInfo.environment, stdout: file.path, seconds: 30)
        return (try String(contentsOf: file, encoding: .utf8), status)
    }

    @Test func makeRunStartsTheOptimisedShell() throws {
        let plan = try output(["make", "-n", "run"], in: PoolschoolProcess.packageRoot)
        #expect(plan.status == 0)
        #expect(plan.text.contains("build -c release --product poolschool"), "\(plan.text)")
        #expect(plan.text.contains(".build/release/poolschool"))
        #expect(plan.text.contains("scripts/ensure-fresh-build.sh"), "make run checks for a moved checkout first")
    }

    @Test func aMovedCheckoutGetsItsOldBuildClearedAndItsDependenciesKept() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("moved-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let build = folder.appendingPathComponent(".build")
        try FileManager.default.createDirectory(
            at: build.appendingPathComponent("debug/ModuleCache"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(
            at: build.appendingPathComponent("checkouts/swift-argument-parser"), withIntermediateDirectories: true)
        try "targets:\n  \"Shell\": \"/home/someone/old-clone/Sources/Shell/\"\n".write(
            to: build.appendingPathComponent("debug.yaml"), atomically: true, encoding: .utf8)
        let script = PoolschoolProcess.packageRoot.appendingPathComponent("scripts/ensure-fresh-build.sh").path

        let moved = try output([script], in: folder)
        #expect(moved.status == 0)
        #expect(moved.text.contains("This checkout moved (it was built in /home/someone/old-clone)"), "\(moved.text)")
        #expect(!FileManager.default.fileExists(atPath: build.appendingPathComponent("debug").path))
        #expect(FileManager.default.fileExists(atPath: build.appendingPathComponent("checkouts").path))

        // Built here since: nothing to clear, nothing said.
        try FileManager.default.createDirectory(
            at: build.appendingPathComponent("debug"), withIntermediateDirectories: true)
        let again = try output([script], in: folder)
        #expect(again.status == 0 && again.text.isEmpty, "\(again.text)")
        #expect(FileManager.default.fileExists(atPath: build.appendingPathComponent("debug").path))
    }
}
