#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Single key presses from the terminal, without Enter: `watch`'s h, l, r and q, as `rustlings watch` has them.
///
/// While open, the terminal's line mode and echo are off. They come back when it closes, and also when the
/// process ends on Ctrl-C or SIGTERM: the handler restores the terminal, then lets the signal end the
/// process as it would have (a shell left without echo is worse than any message).
final class KeyPresses {
    enum Press: Equatable {
        case key(Character)
        /// Nothing was pressed within the wait.
        case none
    }

    /// Opens the terminal for single keys; nil when standard input is not a terminal (a pipe, a file).
    static func open() -> KeyPresses? {
        guard isatty(STDIN_FILENO) == 1 else { return nil }
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else { return nil }
        KeyPressesState.original = original
        KeyPressesState.restoring = 1
        var raw = original
        raw.c_lflag &= ~tcflag_t(ICANON | ECHO)
        withUnsafeMutableBytes(of: &raw.c_cc) { bytes in
            bytes[Int(VMIN)] = 1
            bytes[Int(VTIME)] = 0
        }
        // A parent may have started us with these blocked (test runners, some launchers): Ctrl-C must still work.
        var signals = sigset_t()
        sigemptyset(&signals)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { sigaddset(&signals, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &signals, nil)
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] {
            signal(signalNumber) { number in
                KeyPressesState.restore()
                signal(number, SIG_DFL)
                raise(number)
            }
        }
        guard tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0 else {
            KeyPressesState.restoring = 0
            return nil
        }
        return KeyPresses()
    }

    private init() {}

    deinit { close() }

    /// The next key, waiting at most `timeout` milliseconds; letters come lower-cased.
    func next(timeout: Int32) -> Press {
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) > 0 else { return .none }
        var byte: UInt8 = 0
        guard read(STDIN_FILENO, &byte, 1) == 1 else { return .none }
        return .key(Character(Unicode.Scalar(byte)).lowercased().first ?? " ")
    }

    /// Gives the terminal back as it was, and the signals their default handling.
    func close() {
        KeyPressesState.restore()
        for signalNumber in [SIGINT, SIGTERM, SIGHUP] { signal(signalNumber, SIG_DFL) }
    }
}

/// What the signal handler needs: plain globals, set before the handler is installed.
private enum KeyPressesState {
    nonisolated(unsafe) static var original = termios()
    nonisolated(unsafe) static var restoring: sig_atomic_t = 0

    /// Async-signal-safe: tcsetattr and a flag.
    static func restore() {
        guard restoring == 1 else { return }
        restoring = 0
        _ = tcsetattr(STDIN_FILENO, TCSANOW, &original)
    }
}
