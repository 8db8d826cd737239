import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// A private PostgreSQL cluster and a PgBouncer in front of it, under `$POOLSCHOOL_HOME/real/`, on free
/// loopback ports, started and stopped by one poolschool process.
///
/// The cluster is made once (initdb, a self-signed certificate, the logins) and kept; the servers run only
/// while the process that started them runs: `stop()` ends them, the shell calls it when it leaves, a
/// terminating signal ends them through `ExitGuard`, and the next `start()` cleans up after a process that
/// died without stopping them.
public final class RealServerLab {
    public let layout: RealLayout
    /// The servers this process started and has not stopped.
    public private(set) var running: RunningServers?
    /// Set after `start()`: who the servers run as.
    public private(set) var account: ServerAccount?

    public init(home: String) {
        layout = RealLayout(home: home)
    }

    deinit { stop() }

    // MARK: Start

    /// Sets the cluster up if needed, cleans up after a crash, and starts both servers; `say` reports progress.
    @discardableResult
    public func start(say: (String) -> Void = { _ in }) throws(ServerError) -> RunningServers {
        if let running { return running }
        let binaries: ServerBinaries
        switch ServerBinaries.find() {
        case .success(let found): binaries = found
        case .failure(let missing): throw ServerError(missing)
        }
        let account = try ServerAccount.current()
        self.account = account
        if let note = account.note { say("(\(note).)") }
        try claim(say: say)
        do {
            let madePort = try setUpIfNeeded(binaries, account, say: say)
            let postgresPort = try madePort ?? FreePort.pick()
            var bouncerPort = try FreePort.pick()
            while bouncerPort == postgresPort { bouncerPort = try FreePort.pick() }
            if madePort == nil { try startPostgres(binaries, account, port: postgresPort) }
            try startBouncer(binaries, account, postgresPort: postgresPort, bouncerPort: bouncerPort)
            let servers = try describe(postgresPort: postgresPort, bouncerPort: bouncerPort)
            running = servers
            ExitGuard.watch([servers.postgresPID, servers.bouncerPID])
            let data = try JSONEncoder().encode(servers)
            try data.write(to: URL(fileURLWithPath: layout.state), options: .atomic)
            return servers
        } catch let error as ServerError {
            // Whatever part did start (a server that was slow to answer, a set-up's server) is stopped.
            stopProcesses()
            throw error
        } catch {
            stopProcesses()
            throw ServerError("cannot record the running servers in \(layout.state): \(error.localizedDescription)")
        }
    }

    /// Refuses servers another live poolschool runs; stops orphans of one that died (stale pid files).
    /// `real stop` calls it too, so that a crash can be cleaned up without starting anything.
    public func claim(say: (String) -> Void) throws(ServerError) {
        guard running == nil else { return }
        if let recorded = Self.recorded(layout), recorded.owner != getpid(), ProcessProbe.isAlive(recorded.owner),
            ProcessProbe.isAlive(recorded.postgresPID)
        {
            throw ServerError(
                "the real servers in \(layout.root) belong to another poolschool (process \(recorded.owner)); "
                    + "use them there, or 'real stop' there first")
        }
        var cleaned: [String] = []
        // A PgBouncer of this folder, found by its pid file or, when it died before writing one, its command line.
        let bouncers =
            ([ProcessProbe.pid(inFile: layout.bouncerPidFile)].compactMap { $0 }
            + ProcessProbe.processes(mentioning: layout.bouncerConfig))
            .filter { ProcessProbe.isAlive($0) && ProcessProbe.commandLine($0).contains(layout.bouncerConfig) }
        for pid in Set(bouncers) {
            ProcessProbe.stop(pid, signal: SIGTERM, seconds: 10)
            cleaned.append("pgbouncer (process \(pid))")
        }
        try? FileManager.default.removeItem(atPath: layout.bouncerPidFile)
        if let pid = ProcessProbe.pid(inFile: layout.postmasterPidFile) {
            if ProcessProbe.isAlive(pid), ProcessProbe.commandLine(pid).contains(layout.dataDirectory) {
                ProcessProbe.stop(pid, signal: SIGINT, seconds: 20)
                cleaned.append("postgres (process \(pid))")
            }
            try? FileManager.default.removeItem(atPath: layout.postmasterPidFile)
        }
        try? FileManager.default.removeItem(atPath: layout.state)
        if !cleaned.isEmpty {
            say(
                "Cleaned up after a poolschool that ended without stopping its servers: stopped \(cleaned.joined(separator: " and "))."
            )
        }
    }

    // MARK: Stop

    /// Stops the servers this process started; true if there were any.
    @discardableResult
    public func stop() -> Bool {
        guard running != nil else { return false }
        stopProcesses()
        return true
    }

    private func stopProcesses() {
        // The pid file, or the command line when a failed start left no pid file behind.
        let bouncers =
            [ProcessProbe.pid(inFile: layout.bouncerPidFile), running?.bouncerPID].compactMap { $0 }
            + ProcessProbe.processes(mentioning: layout.bouncerConfig)
        for pid in Set(bouncers) { ProcessProbe.stop(pid, signal: SIGTERM, seconds: 10) }
        // SIGINT is PostgreSQL's fast shutdown: clients are disconnected, nothing is waited for.
        if let pid = ProcessProbe.pid(inFile: layout.postmasterPidFile) ?? running?.postgresPID {
            ProcessProbe.stop(pid, signal: SIGINT, seconds: 20)
        }
        try? FileManager.default.removeItem(atPath: layout.bouncerPidFile)
        try? FileManager.default.removeItem(atPath: layout.state)
        ExitGuard.watch([])
        running = nil
    }

    // MARK: Status

    /// The servers `servers.json` records, if their processes still run (started by any poolschool).
    public static func recorded(_ layout: RealLayout) -> RunningServers? {
        guard let data = FileManager.default.contents(atPath: layout.state),
            let servers = try? JSONDecoder().decode(RunningServers.self, from: data)
        else { return nil }
        return servers
    }

    /// Whether a cluster has been made here.
    public var isSetUp: Bool { FileManager.default.fileExists(atPath: layout.path(Self.readyMarker)) }

    /// Written last by set-up; a cluster without it (set-up interrupted, or made by an older poolschool
    /// without the per-mode databases) is made again.
    static let readyMarker = "ready-3"

    // MARK: Connections

    /// A new connection with `login`, to PostgreSQL directly or through PgBouncer to `database`.
    public func connect(_ login: LoginMethod, viaBouncer: Bool, database: String = "session_db")
        throws(PGError) -> PGConnection
    {
        guard let running else {
            throw PGError(severity: "", sqlState: "", message: "the real servers are not running")
        }
        return try PGConnection(
            login.info(
                port: viaBouncer ? running.bouncerPort : running.postgresPort,
                database: viaBouncer ? database : "postgres"))
    }

    /// Drops PgBouncer's server connections to `database` (`KILL`, then `RESUME`) and waits, at most 10 s,
    /// until PostgreSQL has ended their backends: a run starts with no session state left by the one before.
    public func resetPool(_ database: String) throws(PGError) {
        guard let target = ClusterFiles.databases.first(where: { $0.0 == database })?.1 else { return }
        let console = try connectAsAdmin(bouncerConsole: true)
        defer { console.close() }
        _ = try console.execute("KILL \(database)")
        _ = try console.execute("RESUME \(database)")
        let admin = try connectAsAdmin()
        defer { admin.close() }
        let deadline = ContinuousClock.now + .seconds(10)
        while ContinuousClock.now < deadline {
            let open = try admin.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = '\(target)'").summary
            if open == "0" { return }
            usleep(10_000)
        }
    }

    /// A superuser connection to PostgreSQL (reserved slots included) or to PgBouncer's admin console.
    public func connectAsAdmin(bouncerConsole: Bool = false) throws(PGError) -> PGConnection {
        guard let running else {
            throw PGError(severity: "", sqlState: "", message: "the real servers are not running")
        }
        return try PGConnection(
            adminInfo(
                port: bouncerConsole ? running.bouncerPort : running.postgresPort,
                database: bouncerConsole ? "pgbouncer" : "postgres"))
    }

    /// The superuser's login, with the password set-up made.
    func adminInfo(port: Int, database: String) throws(PGError) -> ConnectionInfo {
        guard let password = try? String(contentsOfFile: layout.superuserPassword, encoding: .utf8) else {
            throw PGError(
                severity: "", sqlState: "",
                message: "cannot read \(layout.superuserPassword); 'real stop', remove \(layout.root), and start again")
        }
        return ConnectionInfo(
            port: port, database: database, user: ClusterFiles.superuser,
            password: password.trimmingCharacters(in: .whitespacesAndNewlines))
    }
}
