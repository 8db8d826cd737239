import Foundation

/// Reads a file that anyone may have put there (a lesson, a progress file) without hanging or
/// swallowing memory: only a regular file, at most `limit` bytes, opened so that a FIFO cannot block.
/// Each refusal says what the path is and what is accepted.
public enum BoundedFile {
    public enum Outcome: Equatable, Sendable {
        case contents(Data)
        /// Nothing there (and no dangling link): a fresh start for progress, a problem for a lesson.
        case missing
        case refused(String)
        /// A regular file bigger than the limit: the reason says how big.
        case tooLarge(String)
    }

    public static func read(_ path: String, limit: Int) -> Outcome {
        var link = stat()
        guard lstat(path, &link) == 0 else { return .missing }
        var target = stat()
        guard stat(path, &target) == 0 else {
            let destination = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
            return .refused("is a symbolic link to '\(destination)', which does not exist")
        }
        guard target.st_mode & S_IFMT == S_IFREG else { return .refused("is \(kind(target.st_mode)), not a file") }
        guard Int(target.st_size) <= limit else {
            return .tooLarge("is \(target.st_size) bytes; at most \(limit) are read")
        }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK)
        guard descriptor >= 0 else { return .refused("cannot be read: \(String(cString: strerror(errno)))") }
        defer { close(descriptor) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { Foundation.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .refused("cannot be read: \(String(cString: strerror(errno)))")
            }
            if count == 0 { break }
            // It may have grown since stat: still never more than the limit.
            guard data.count + count <= limit else { return .tooLarge("is more than \(limit) bytes; it grew") }
            data.append(contentsOf: buffer[0..<count])
        }
        return .contents(data)
    }

    private static func kind(_ mode: mode_t) -> String {
        switch mode & S_IFMT {
        case S_IFDIR: return "a folder"
        case S_IFIFO: return "a FIFO (named pipe)"
        case S_IFSOCK: return "a socket"
        case S_IFCHR, S_IFBLK: return "a device"
        default: return "not a regular file"
        }
    }
}
