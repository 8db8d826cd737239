import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What the lab can learn about a process from /proc: alive or not, and what it runs.
enum ProcessProbe {
    /// Whether `pid` is running (a zombie, ended but not yet reaped by its parent, is not).
    static func isAlive(_ pid: Int32) -> Bool {
        guard pid > 0, kill(pid, 0) == 0 || errno == EPERM else { return false }
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.lastIndex(of: ")")
        else { return true }
        let state = stat[stat.index(after: close)...].trimmingCharacters(in: .whitespaces).first
        return state != "Z" && state != "X"
    }

    /// The command line of `pid`, its arguments joined by spaces; empty when it cannot be read.
    static func commandLine(_ pid: Int32) -> String {
        guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { return "" }
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
            .trimmingCharacters(in: .whitespaces)
    }

    /// The first line of a pid file as a process id.
    static func pid(inFile path: String) -> Int32? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first.flatMap { Int32($0.trimmingCharacters(in: .whitespaces)) }
    }

    /// Sends `signal`, then waits up to `seconds` for the process to end; SIGKILL after that.
    static func stop(_ pid: Int32, signal: Int32, seconds: Double) {
        guard isAlive(pid) else { return }
        kill(pid, signal)
        let deadline = Date().addingTimeInterval(seconds)
        while isAlive(pid), Date() < deadline { usleep(10_000) }
        if isAlive(pid) {
            kill(pid, SIGKILL)
            let last = Date().addingTimeInterval(5)
            while isAlive(pid), Date() < last { usleep(10_000) }
        }
    }

    /// Processes whose command line mentions `text` (a path in the lab's folder), for tests and clean-up.
    static func processes(mentioning text: String) -> [Int32] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        return entries.compactMap(Int32.init).filter { isAlive($0) && commandLine($0).contains(text) }
    }
}
