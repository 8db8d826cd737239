import Foundation

/// Keeps progress in one JSON file, written atomically (a temporary file, flushed, then renamed over
/// the old one), so a crash or kill -9 leaves either the old progress or the new, never half of each.
/// Each save takes a lock and merges with what is on disk, so two shells on one home lose no answer.
public struct ProgressStore: Sendable {
    public let path: String
    /// Bytes read from a progress file: a real one is a few kilobytes.
    public static let largestFile = 4 << 20

    public init(home: String) {
        path = (home as NSString).appendingPathComponent("progress.json")
    }

    /// Why progress could not be saved: what and where, in words.
    public struct Failure: Error, Sendable {
        public let message: String

        init(message: String) {
            self.message = message
        }

        init(path: String, errno code: Int32) {
            let reason = String(cString: strerror(code))
            switch code {
            case EROFS, EACCES, EPERM:
                let folder = (path as NSString).deletingLastPathComponent
                message = "cannot write \(path): \(reason) (the folder \(folder) does not let poolschool write)"
            case EISDIR: message = "cannot write \(path): it is a folder; move it away to save progress there"
            default: message = "cannot write \(path): \(reason)"
            }
        }
    }

    /// What loading found.
    public struct Loaded: Sendable {
        public let progress: Progress
        /// Set when the file was unreadable and was moved aside, or is not a file: say so to the learner.
        public let notice: String?
    }

    /// Loads progress; a missing file is a fresh start, a corrupt or oversized one is moved aside (never
    /// overwritten), and anything that is not a file is left alone and named.
    public func load(learner: String) -> Loaded {
        ProgressLock.removeStaleTemporaries(of: path)
        let fresh = Progress(learner: learner)
        let reason: String
        switch BoundedFile.read(path, limit: Self.largestFile) {
        case .missing:
            return Loaded(progress: fresh, notice: nil)
        case .refused(let why):
            return Loaded(progress: fresh, notice: "your progress file \(path) \(why); progress starts fresh")
        case .tooLarge(let why):
            reason = "it " + why
        case .contents(let data):
            do {
                return Loaded(progress: try JSONDecoder().decode(Progress.self, from: data), notice: nil)
            } catch {
                reason = (error as? DecodingError).map(Self.describe) ?? error.localizedDescription
            }
        }
        let aside = path + ".corrupt-" + Self.stamp()
        guard rename(path, aside) == 0 else {
            return Loaded(
                progress: fresh,
                notice: "your progress file \(path) is unreadable (\(reason)) and could not be moved aside; "
                    + "progress will not be saved until you move it yourself")
        }
        return Loaded(
            progress: fresh,
            notice: "your progress file was unreadable (\(reason)); it was moved to \(aside) and a new one started")
    }

    /// Saves `progress` merged with what another shell may have saved since (unless `replacing`, for a
    /// reset), atomically and under the lock, and returns what was written.
    @discardableResult
    public func save(_ progress: Progress, replacing: Bool = false) throws(Failure) -> Progress {
        try Self.makeFolder((path as NSString).deletingLastPathComponent)
        let lock = try ProgressLock.acquire(for: path)
        defer { lock.release() }
        ProgressLock.removeStaleTemporaries(of: path)
        var merged = progress
        if !replacing, case .contents(let data) = BoundedFile.read(path, limit: Self.largestFile),
            let saved = try? JSONDecoder().decode(Progress.self, from: data)
        {
            merged = progress.merged(with: saved)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        guard let data = try? encoder.encode(merged) else { throw Failure(message: "cannot encode progress") }
        try Self.writeAtomically(data, to: path)
        return merged
    }

    /// `mkdir -p`, failing with the folder that could not be made and why.
    private static func makeFolder(_ folder: String) throws(Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue { return }
        let parent = (folder as NSString).deletingLastPathComponent
        if !parent.isEmpty, parent != folder { try makeFolder(parent) }
        guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
            let code = errno
            throw Failure(
                message: "cannot create the folder \(folder) for progress: \(String(cString: strerror(code)))")
        }
    }

    private static func writeAtomically(_ data: Data, to path: String) throws(Failure) {
        let temporary = path + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Failure(path: temporary, errno: errno) }
        var failure: Int32 = 0
        data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                offset += written
            }
        }
        if failure == 0, fsync(descriptor) != 0 { failure = errno }
        close(descriptor)
        if failure == 0, rename(temporary, path) != 0 { failure = errno }
        guard failure == 0 else {
            unlink(temporary)
            throw Failure(path: path, errno: failure)
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
