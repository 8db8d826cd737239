import Foundation

/// Keeps progress in one JSON file, written atomically (a temporary file, flushed, then renamed over
/// the old one), so a crash or kill -9 leaves either the old progress or the new, never half of each.
public struct ProgressStore: Sendable {
    public let path: String

    public init(home: String) {
        path = (home as NSString).appendingPathComponent("progress.json")
    }

    /// What loading found.
    public struct Loaded: Sendable {
        public let progress: Progress
        /// Set when the file was unreadable and was moved aside: say so to the learner.
        public let notice: String?
    }

    /// Loads progress; a missing file is a fresh start, a corrupt one is moved aside (never overwritten).
    public func load(learner: String) -> Loaded {
        guard let data = FileManager.default.contents(atPath: path) else {
            return Loaded(progress: Progress(learner: learner), notice: nil)
        }
        do {
            return Loaded(progress: try JSONDecoder().decode(Progress.self, from: data), notice: nil)
        } catch {
            let aside = path + ".corrupt-" + Self.stamp()
            let reason = (error as? DecodingError).map(Self.describe) ?? error.localizedDescription
            do {
                try FileManager.default.moveItem(atPath: path, toPath: aside)
            } catch {
                return Loaded(
                    progress: Progress(learner: learner),
                    notice: "your progress file \(path) is unreadable (\(reason)) and could not be moved aside; "
                        + "progress will not be saved until you move it yourself")
            }
            return Loaded(
                progress: Progress(learner: learner),
                notice: "your progress file was unreadable (\(reason)); it was moved to \(aside) and a new one started")
        }
    }

    /// Writes progress atomically. Throws with the reason if it cannot.
    public func save(_ progress: Progress) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(progress)
        let temporary = path + ".tmp-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: data) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary])
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: temporary))
        try handle.synchronize()
        try handle.close()
        guard rename(temporary, path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: "rename failed: \(reason)"])
        }
    }

    private static func stamp() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "yyyyMMdd-HHmmss"
        formatter.locale = Locale(identifier: "en_US_POSIX")
        return formatter.string(from: Date())
    }

    private static func describe(_ error: DecodingError) -> String {
        switch error {
        case .dataCorrupted(let context): return "not valid JSON: \(context.debugDescription)"
        case .keyNotFound(let key, _): return "missing '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        @unknown default: return "\(error)"
        }
    }
}
