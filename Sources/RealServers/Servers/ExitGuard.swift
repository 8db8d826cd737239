#if canImport(Glibc)
    import Glibc
#endif

/// Ends the servers when poolschool is told to terminate (SIGTERM, SIGHUP), so that a closed terminal or a
/// `kill` leaves nothing behind. Quitting normally stops them through the shell; SIGKILL cannot be caught, so
/// the next `start` cleans up after it.
enum ExitGuard {
    // A signal handler can read only plain globals; these are written before the handlers are installed.
    nonisolated(unsafe) private static var postgres: Int32 = 0
    nonisolated(unsafe) private static var bouncer: Int32 = 0

    /// Watches these processes (PostgreSQL's postmaster, then PgBouncer); an empty list stops watching.
    static func watch(_ pids: [Int32]) {
        postgres = pids.first ?? 0
        bouncer = pids.count > 1 ? pids[1] : 0
        for signal in [SIGTERM, SIGHUP] {
            if pids.isEmpty {
                Glibc.signal(signal, SIG_DFL)
            } else {
                Glibc.signal(signal, ExitGuard.handler)
            }
        }
    }

    private static let handler: @convention(c) (Int32) -> Void = { signal in
        // Only kill(2), signal(2) and raise(3) here: they are safe in a signal handler.
        if ExitGuard.bouncer > 0 { kill(ExitGuard.bouncer, SIGTERM) }
        if ExitGuard.postgres > 0 { kill(ExitGuard.postgres, SIGINT) }
        Glibc.signal(signal, SIG_DFL)
        raise(signal)
    }
}
