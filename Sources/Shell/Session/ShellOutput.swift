#if canImport(Glibc)
    import Glibc
    private let systemWrite = Glibc.write
#elseif canImport(Darwin)
    import Darwin
    private let systemWrite = Darwin.write
#endif

/// Where the shell writes. The real process writes to stdout and stderr; tests capture both
/// into one transcript, in order.
protocol ShellOutput: AnyObject {
    func write(_ text: String, error: Bool)
}

/// The process's stdout and stderr, unbuffered, so prompts, output and errors interleave
/// in the order they were written. It writes bytes as given: write through a `ShellSession` or a
/// `GatedOutput`, which keep untrusted text from the terminal's controls.
final class StandardOutput: ShellOutput {
    init() {}

    func write(_ text: String, error: Bool) {
        let descriptor = error ? STDERR_FILENO : STDOUT_FILENO
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                systemWrite(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return  // The reader went away (a closed pipe): nothing useful left to do.
            }
            offset += written
        }
    }
}

/// Everything written, in order, for tests and for capturing a command's output.
final class CapturedOutput: ShellOutput {
    private(set) var text = ""

    init() {}

    func write(_ text: String, error: Bool) {
        self.text += text
    }
}
