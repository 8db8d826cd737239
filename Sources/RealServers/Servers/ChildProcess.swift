import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a server program (initdb, pg_ctl, openssl, pgbouncer) to its end, bounded in time.
///
/// posix_spawn and waitpid rather than Foundation's `Process`, which on Linux can wait forever for a child it
/// never reaps. The program's output goes to a file, so that a failure can quote its last lines.
enum ChildProcess {
    struct Outcome {
        var status: Int32
        var output: String
    }

    /// Runs `arguments` with `environment` added to a minimal one; kills it after `seconds`.
    static func run(
        _ arguments: [String], environment: [String: String] = [:], seconds: Double = 60
    ) throws(ServerError) -> Outcome {
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("poolschool-real-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: log) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, log.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        // The servers outlive this call: they must hold none of poolschool's files open.
        if let closeFrom = Self.closeFrom { _ = closeFrom(&actions, 3) }
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The servers must not inherit the shell's blocked or ignored signals: pg_ctl stop relies on them.
        var none = sigset_t()
        sigemptyset(&none)
        var defaults = sigset_t()
        sigfillset(&defaults)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        var fullEnvironment = ["PATH": "/usr/sbin:/usr/bin:/sbin:/bin", "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8"]
        if let tz = ProcessInfo.processInfo.environment["TZ"] { fullEnvironment["TZ"] = tz }
        for (key, value) in environment { fullEnvironment[key] = value }
        let argv = arguments.map { strdup($0) } + [nil]
        let envp = fullEnvironment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, arguments[0], &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            throw ServerError("cannot start \(arguments[0]): \(String(cString: strerror(spawned)))")
        }
        let deadline = Date().addingTimeInterval(seconds)
        var status: Int32 = 0
        while waitpid(pid, &status, WNOHANG) == 0 {
            if Date() > deadline {
                kill(pid, SIGKILL)
                waitpid(pid, &status, 0)
                throw ServerError(
                    "\((arguments[0] as NSString).lastPathComponent) did not finish within \(Int(seconds)) s; stopped it"
                )
            }
            usleep(5_000)
        }
        let output = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        let code = status & 0x7F == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F)
        return Outcome(status: code, output: output)
    }

    /// glibc's `posix_spawn_file_actions_addclosefrom_np` (2.34+), which Swift's Glibc module leaves out (it is
    /// a GNU extension); looked up at run time, and skipped on a C library without it.
    static let closeFrom: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32)? = {
        guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np")
        else { return nil }
        return unsafeBitCast(
            symbol, to: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>?, Int32) -> Int32).self)
    }()

    /// Runs it and throws with its last lines unless it exits 0.
    @discardableResult
    static func check(_ arguments: [String], environment: [String: String] = [:], seconds: Double = 60)
        throws(ServerError) -> String
    {
        let outcome = try run(arguments, environment: environment, seconds: seconds)
        guard outcome.status == 0 else {
            // After setpriv's options comes the program itself.
            let program = ((arguments.firstIndex(of: "--").map { arguments[$0 + 1] } ?? arguments[0]) as NSString)
                .lastPathComponent
            let tail = outcome.output.split(separator: "\n").suffix(4).joined(separator: "\n")
            throw ServerError("\(program) failed (exit \(outcome.status)): \(tail)")
        }
        return outcome.output
    }
}
