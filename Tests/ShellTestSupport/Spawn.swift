import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Starts a program with posix_spawn and reaps it with waitpid. Foundation's `Process` can wait
/// forever inside the test runner on Linux (its child is never reaped), so tests use this instead.
public enum Spawn {
    public struct Failure: Error, CustomStringConvertible {
        public let description: String
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (a GNU extension Swift's Glibc module leaves out).
    static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(
            symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
    }()

    /// Runs `arguments[0]` (a path, or a name looked up on PATH) with stdin, stdout and stderr
    /// connected to the given files (nil: /dev/null), and returns its exit status. A program still
    /// running after `seconds` is killed and reported, so a hang fails the test instead of the run.
    public static func run(
        _ arguments: [String], environment: [String: String], stdin: String? = nil, stdout: String? = nil,
        stderr: String? = nil, seconds: Double = 30
    ) throws -> Int32 {
        let pid = try start(arguments, environment: environment, stdin: stdin, stdout: stdout, stderr: stderr)
        return try wait(pid, arguments: arguments, seconds: seconds)
    }

    /// Starts the program and returns its process id, without waiting.
    public static func start(
        _ arguments: [String], environment: [String: String], stdin: String? = nil, stdout: String? = nil,
        stderr: String? = nil
    ) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, stdin ?? "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, stdout ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, stderr ?? "/dev/null", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        // Nothing else of the test runner's: a script another test is writing at that instant, inherited open
        // for writing by a child that lives for seconds, makes running that script fail with ETXTBSY.
        if let closeFrom { _ = closeFrom(&actions, 3) }

        // The child starts as from a login shell: no blocked signals, default handlers, whatever
        // the test runner's thread had.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        var defaultSignals = sigset_t()
        sigemptyset(&defaultSignals)
        for signal in [SIGINT, SIGTERM, SIGQUIT, SIGPIPE] { sigaddset(&defaultSignals, signal) }
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawnattr_setsigdefault(&attributes, &defaultSignals)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = arguments.map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawnp(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw Failure(description: "cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }

        return pid
    }

    /// Waits for `pid` to end; kills it and throws after `seconds`.
    public static func wait(_ pid: pid_t, arguments: [String], seconds: Double) throws -> Int32 {
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw Failure(description: "\(arguments.joined(separator: " ")) still running after \(seconds)s")
            }
            usleep(2_000)
        }
        // Exited normally: the status is in bits 8-15; killed by a signal: 128 + the signal.
        return status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
    }
}
