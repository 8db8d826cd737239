import Foundation
import Grading

/// Puts an exercise's shipped stub back, keeping the learner's file as a backup. The stub is the
/// newest version of the file in the checkout's git history that still has its `Unattempted`
/// line: whatever the learner committed since, that is what the course shipped.
struct StubRestorer {
    let root: String
    let home: ShellHome

    enum Outcome: Equatable {
        case restored(backup: String)
        case alreadyTheStub
    }

    func reset(_ exercise: GradedExercise, file: String) throws(ShellError) -> Outcome {
        let path = (root as NSString).appendingPathComponent(file)
        let stub = try shippedStub(exercise, file: file)
        let current = FileManager.default.contents(atPath: path).flatMap { String(data: $0, encoding: .utf8) }
        if current == stub { return .alreadyTheStub }
        var backup = ""
        if let current {
            backup = BackupFile(home: home).path(for: file)
            do {
                try FileManager.default.createDirectory(
                    atPath: (backup as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try current.write(toFile: backup, atomically: true, encoding: .utf8)
            } catch {
                throw .failed(
                    "could not keep a backup of \(file) at \(backup): \(error.localizedDescription); nothing changed")
            }
        }
        do {
            try stub.write(toFile: path, atomically: true, encoding: .utf8)
        } catch {
            throw .failed("could not write \(file): \(error.localizedDescription)")
        }
        return .restored(backup: backup)
    }

    private func shippedStub(_ exercise: GradedExercise, file: String) throws(ShellError) -> String {
        guard let log = git(["log", "--format=%H", "--", file]), !log.isEmpty else {
            throw .failed(
                "cannot find the shipped \(file): this folder is not a git checkout of the course (clone it with git)")
        }
        for commit in log.split(separator: "\n") {
            guard let text = git(["show", "\(commit):\(file)"]) else { continue }
            if UnattemptedMarker.lineNumber(in: text, typeName: exercise.typeName) != nil { return text }
        }
        throw .failed("no version of \(file) in the git history still has its Unattempted line; nothing changed")
    }

    /// Runs git in the project folder; nil if it fails.
    private func git(_ arguments: [String]) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", root] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(data: data, encoding: .utf8)
    }
}
