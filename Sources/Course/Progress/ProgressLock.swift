import Foundation

/// An exclusive lock on a progress file for one save, so that two shells on one home take turns:
/// each reads what the other saved, merges, and writes. The lock is a `flock` on `progress.json.lock`,
/// released by the kernel if the holder is killed.
struct ProgressLock {
    private let descriptor: Int32

    /// Waits up to about two seconds for the lock; another shell holds it only while it saves.
    static func acquire(for path: String) throws(ProgressStore.Failure) -> ProgressLock {
        let lockPath = path + ".lock"
        let descriptor = open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw ProgressStore.Failure(path: path, errno: errno) }
        for attempt in 0..<200 {
            if flock(descriptor, LOCK_EX | LOCK_NB) == 0 { return ProgressLock(descriptor: descriptor) }
            guard errno == EWOULDBLOCK || errno == EINTR else { break }
            if attempt < 199 { usleep(10_000) }
        }
        close(descriptor)
        throw ProgressStore.Failure(
            message: "another poolschool has been saving to \(path) for over two seconds; your answers are kept in "
                + "this shell and saved with the next one")
    }

    func release() {
        flock(descriptor, LOCK_UN)
        close(descriptor)
    }

    /// Removes `progress.json.tmp-PID` files left by saves that were killed (their process is gone).
    static func removeStaleTemporaries(of path: String) {
        let folder = (path as NSString).deletingLastPathComponent
        let prefix = (path as NSString).lastPathComponent + ".tmp-"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in names where name.hasPrefix(prefix) {
            guard let pid = Int32(name.dropFirst(prefix.count)), pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH {
                unlink((folder as NSString).appendingPathComponent(name))
            }
        }
    }
}
