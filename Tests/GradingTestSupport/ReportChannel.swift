import Foundation
import Grading

/// The way a grading child hands its report to the test that started it, so that only the grader's own
/// verdict counts.
///
/// Threat model: the learner's code runs inside the child, as the same user. It can print anything, exit
/// with any status (also from an `atexit` handler or another thread), read its environment, `/proc` and the
/// child's standard streams, and write any file the user may write. So the verdict travels on none of
/// those: the parent makes a private folder (mode 0700) and a random 128-bit nonce and hands both to the
/// child as captured values of the exit test (Swift Testing sends them through a pipe it reads before the
/// body runs; they never reach the environment, the command line or the disk). The child writes the report,
/// prefixed by the nonce, only after grading has ended, then `_exit`s at once. The parent accepts a report
/// only with the right nonce, for the right exercise, with exactly the suite's checks. What stays out of
/// reach: code that reads the child's own memory (or ptraces the parent) could find the nonce; stopping
/// that needs an OS sandbox, which the course does not ask learners to install.
public struct ReportChannel: Codable, Sendable {
    /// The private folder that receives the report.
    public var folder: String
    /// Random; known to the parent and, in memory only, to the grading code in the child.
    public var nonce: String

    static let fileName = "report"

    /// A fresh channel: a new private folder (in `parent`) and a new nonce; the parent process calls this
    /// before each exit test.
    public static func make(in parent: String = NSTemporaryDirectory()) throws -> ReportChannel {
        let pattern = (parent as NSString).appendingPathComponent("poolschool-grade-XXXXXX")
        var template = Array(pattern.utf8CString)
        guard let made = mkdtemp(&template) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: pattern])
        }
        var random = SystemRandomNumberGenerator()
        let nonce = (0..<2).map { _ in String(random.next() as UInt64, radix: 16) }.joined(separator: "-")
        return ReportChannel(folder: String(cString: made), nonce: nonce)
    }

    var path: String { (folder as NSString).appendingPathComponent(Self.fileName) }

    /// The child's side: writes `report` to a new file of its own, then renames it over whatever the
    /// learner's code may have left at the report's path (a rename replaces a link, it does not follow it).
    /// Returns whether the whole report reached the folder.
    func send(_ report: ExerciseReport) -> Bool {
        var random = SystemRandomNumberGenerator()
        let draft = path + ".\(random.next() as UInt64)"
        let descriptor = open(draft, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { return false }
        let bytes = Array((nonce + "\n" + report.jsonLine + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let result = bytes[written...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
            if result <= 0 { break }
            written += result
        }
        close(descriptor)
        return written == bytes.count && rename(draft, path) == 0
    }

    /// What the parent found in the folder.
    public enum Received: Equatable, Sendable {
        /// The grader's report, checked against the suite.
        case verified(ExerciseReport)
        /// Nothing: grading did not finish.
        case nothing
        /// Something else wrote the report file, or the report does not fit the suite; says which.
        case rejected(String)
    }

    /// The parent's side: reads and verifies the report, then removes the folder. `checkNames` are the
    /// suite's checks in order; a replay may report one of them only.
    public func receive(exercise: String, checkNames: [String], replay: Bool = false) -> Received {
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let descriptor = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { return .nothing }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        // A report is a few kilobytes; a huge file is not the grader's.
        let data = (try? handle.read(upToCount: 4 << 20)) ?? Data()
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", maxSplits: 1)
        guard lines.count == 2, lines[0] == nonce else {
            return .rejected("the grading report was not written by the grader (its nonce does not match)")
        }
        guard let report = ExerciseReport.decode(lines[1].trimmingCharacters(in: .newlines)) else {
            return .rejected("the grading report is not a report the grader writes")
        }
        guard report.exercise == exercise else {
            return .rejected("the grading report is for '\(report.exercise)', not '\(exercise)'")
        }
        let names = report.checks.map(\.name)
        let fits =
            replay
            ? names.count <= 1 && names.allSatisfy(checkNames.contains) : names == checkNames
        guard fits else {
            return .rejected("the grading report's checks do not match the exercise's: \(names)")
        }
        return .verified(report)
    }
}
