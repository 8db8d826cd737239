#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Ctrl-C handling for the terminal shell. The handler only does async-signal-safe work: it raises
/// the process's interrupt flag (a long command polls it) and writes one byte to a pipe, which wakes
/// the line editor's read so it can drop the line being typed.
enum InterruptSignal {
    /// The flag the terminal session shares with the handler.
    static let flag = InterruptFlag()

    /// Read end at index 0, write end at index 1; both non-blocking.
    static let pipeEnds: [Int32] = {
        var ends: [Int32] = [-1, -1]
        guard pipe(&ends) == 0 else { return [-1, -1] }
        for end in ends {
            _ = fcntl(end, F_SETFL, fcntl(end, F_GETFL) | O_NONBLOCK)
        }
        return ends
    }()

    /// Installs the handler. Globals it touches are initialised first: lazy initialisation
    /// is not safe inside a signal handler.
    static func install() {
        _ = flag
        _ = pipeEnds
        // A parent may have started us with SIGINT blocked (test runners, some launchers).
        var interruptOnly = sigset_t()
        sigemptyset(&interruptOnly)
        sigaddset(&interruptOnly, SIGINT)
        pthread_sigmask(SIG_UNBLOCK, &interruptOnly, nil)
        signal(SIGINT) { _ in
            InterruptSignal.flag.raise()
            var byte: UInt8 = 1
            _ = write(InterruptSignal.pipeEnds[1], &byte, 1)
        }
    }

    /// Empties the pipe; returns whether anything was in it.
    @discardableResult
    static func drain() -> Bool {
        var sawAny = false
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(pipeEnds[0], &buffer, buffer.count) > 0 { sawAny = true }
        return sawAny
    }
}
