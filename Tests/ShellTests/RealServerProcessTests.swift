import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// `real` through the built executable against a private PostgreSQL and PgBouncer (Debian's packages, which
/// `make test` installs). Each test uses its own home folder and checks that no server of it is left running.
@Suite(.serialized, .timeLimit(.minutes(5))) struct RealServerProcessTests {
    /// How long a step may take before it counts as hung: alone the suite takes about 30 s, but beside the
    /// rest of `swift test` on a small, shared machine a set-up has taken over a minute.
    static let patience = 180.0

    /// The packages are what `make test` installs; without them (a machine where they truly cannot be
    /// installed) these tests say so instead of failing.
    static let packagesMissing: String? = {
        let postgres = (try? FileManager.default.contentsOfDirectory(atPath: "/usr/lib/postgresql")) ?? []
        let hasServer = postgres.contains {
            FileManager.default.isExecutableFile(atPath: "/usr/lib/postgresql/\($0)/bin/initdb")
        }
        let hasBouncer = FileManager.default.isExecutableFile(atPath: "/usr/sbin/pgbouncer")
        return hasServer && hasBouncer ? nil : "postgresql and pgbouncer are not installed ('make test' installs them)"
    }()

    /// A home folder for one test, and the check that its servers are gone.
    struct Home {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("real-\(UUID().uuidString)")
        var environment: [String: String] { ["POOLSCHOOL_HOME": url.path, "NO_COLOR": "1", "COLUMNS": "300"] }

        /// Processes whose command line names this home (PostgreSQL's postmaster, PgBouncer).
        func servers() -> [String] {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
            return entries.compactMap(Int32.init).compactMap { pid in
                guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline"),
                    let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                    !stat.contains(") Z ")
                else { return nil }
                let line = String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\0", with: " ")
                return line.contains(url.path) && !line.contains("poolschool") ? "\(pid): \(line)" : nil
            }
        }

        func remove() {
            // A failed test may have left servers: end them, so that the machine stays clean.
            for entry in servers() { if let pid = Int32(entry.prefix { $0.isNumber }) { kill(pid, SIGKILL) } }
            try? FileManager.default.removeItem(at: url)
        }
    }

    @Test(.disabled(if: packagesMissing != nil, Comment(rawValue: packagesMissing ?? "")))
    func aSessionMeasuresComparesExhaustsCalibratesAndLeavesNothingRunning() throws {
        let home = Home()
        defer { home.remove() }
        let before = try PoolschoolProcess.run(
            ["sim", "--arrival-rate", "50/s", "--hold-mean", "5ms", "--requests", "200", "--setup", "measured"],
            environment: home.environment)
        #expect(before.status == 2)
        #expect(before.stderr.contains("--setup: no calibration yet: run 'real calibrate'"), "\(before.stderr)")

        let session = try PoolschoolProcess.run(
            [],
            input: """
                real start
                real status
                real measure --runs 5
                real modes transaction
                real exhaust --clients 8
                real calibrate --runs 5
                load --arrival-rate 20/s --hold-mean 5ms --requests 50 --setup measured
                config db_setup=measured
                quit

                """, environment: home.environment, seconds: Self.patience)
        #expect(session.status == 0, "stderr: \(session.stderr)\nstdout: \(session.stdout)")
        let out = session.stdout
        #expect(out.contains("PostgreSQL 1") && out.contains("on 127.0.0.1:"))
        #expect(out.contains("Running (started here)"))
        // Lesson 02's rows, with the learner's own figures and the ratio to a kept SELECT 1.
        for row in [
            "trusted login over loopback TCP", "SCRAM password, no TLS", "TLS 1.3 plus SCRAM",
            "through PgBouncer, trust", "SELECT 1 on a kept connection",
        ] {
            #expect(out.contains(row), "measure table lacks '\(row)'")
        }
        #expect(
            out.range(of: #"about 9\.7 ms +│ +[0-9.]+ ms / [0-9.]+ ms +│ +[0-9,]+×"#, options: .regularExpression)
                != nil)
        // The modes table: every step of the world's program, and no unexpected difference.
        #expect(out.contains("transaction mode: the world beside the real PgBouncer"))
        #expect(out.contains("alice: SET statement_timeout = '5ms'"))
        #expect(out.contains("0 unexpected differences"), "\(out)")
        #expect(out.contains("predates 1.21's max_prepared_statements") || out.contains("PgBouncer 1.2"))
        // Exhaustion: the real refusal texts beside the world's, and a sampled SHOW POOLS.
        #expect(out.contains("FATAL: sorry, too many clients already"))
        #expect(out.contains("remaining connection slots are reserved for"))
        #expect(
            out.range(of: #"real +│ +\d+ +│ +[1-9]\d* +│"#, options: .regularExpression) != nil,
            "cl_waiting > 0: \(out)")
        #expect(out.range(of: #"world +│ +\d+ +│ +[1-9]\d* +│"#, options: .regularExpression) != nil)
        // Calibration: the presets it wrote.
        #expect(out.contains("--setup measured: "))
        #expect(out.contains("requests     50: completed 50"), "the lab's load takes --setup measured too")
        #expect(out.range(of: #"db_setup=[0-9.]+ms; fresh world"#, options: .regularExpression) != nil)
        #expect(FileManager.default.fileExists(atPath: home.url.appendingPathComponent("real/calibration.json").path))
        #expect(home.servers().isEmpty, "left running after quit: \(home.servers())")

        // sim --setup measured now runs with the measured parts, and follows the file.
        let arguments = [
            "sim", "--arrival-rate", "50/s", "--hold-mean", "5ms", "--requests", "200", "--setup", "measured", "--json",
        ]
        let measured = try PoolschoolProcess.run(arguments, environment: home.environment)
        #expect(measured.status == 0, "\(measured.stderr)")
        let file = home.url.appendingPathComponent("real/calibration.json")
        var json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var parts = try #require(json["parts"] as? [String: Any])
        parts["backendStart"] = 900_000
        json["parts"] = parts
        try JSONSerialization.data(withJSONObject: json).write(to: file)
        let slower = try PoolschoolProcess.run(arguments, environment: home.environment)
        #expect(slower.status == 0)
        #expect(p99(slower.stdout) > p99(measured.stdout) + 500, "\(measured.stdout) vs \(slower.stdout)")
    }

    @Test(.disabled(if: packagesMissing != nil, Comment(rawValue: packagesMissing ?? "")))
    func theSubcommandStopsItsServersWhenItEnds() throws {
        let home = Home()
        defer { home.remove() }
        let result = try PoolschoolProcess.run(
            ["real", "modes", "statement"], environment: home.environment, seconds: Self.patience)
        #expect(result.status == 0, "\(result.stderr)\n\(result.stdout)")
        #expect(result.stdout.contains("statement mode: the world beside the real PgBouncer"))
        #expect(result.stdout.contains("transaction blocks not allowed in statement pooling mode"))
        #expect(home.servers().isEmpty, "left running: \(home.servers())")
    }

    @Test(.disabled(if: packagesMissing != nil, Comment(rawValue: packagesMissing ?? "")))
    func aKilledShellsServersAreCleanedUpByTheNextStartAndTermStopsThem() throws {
        let home = Home()
        defer { home.remove() }
        try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
        let state = home.url.appendingPathComponent("real/servers.json").path

        func startShell() throws -> (pid: pid_t, writer: Int32) {
            let fifo = home.url.appendingPathComponent("stdin-\(UUID().uuidString)").path
            #expect(mkfifo(fifo, 0o600) == 0)
            let writer = open(fifo, O_RDWR)
            var environment = ProcessInfo.processInfo.environment
            for (key, value) in home.environment { environment[key] = value }
            let pid = try Spawn.start(
                [PoolschoolProcess.executable.path], environment: environment, stdin: fifo,
                stdout: home.url.appendingPathComponent("out").path)
            _ = "real start\n".withCString { write(writer, $0, strlen($0)) }
            let deadline = Date().addingTimeInterval(Self.patience)
            while !FileManager.default.fileExists(atPath: state), Date() < deadline { usleep(50_000) }
            return (pid, writer)
        }

        // kill -9: nothing can stop the servers then; they outlive the shell.
        let first = try startShell()
        try #require(FileManager.default.fileExists(atPath: state), "the servers never started")
        // While that shell lives, its servers are its own: a second poolschool neither takes nor stops them.
        let other = try PoolschoolProcess.run(["real", "start"], environment: home.environment, seconds: Self.patience)
        #expect(other.status == 1)
        #expect(other.stderr.contains("belong to another poolschool (process \(first.pid))"), "\(other.stderr)")
        let status = try PoolschoolProcess.run(
            ["real", "status"], environment: home.environment, seconds: Self.patience)
        #expect(status.stdout.contains("Started by another poolschool (process \(first.pid))"))
        // Other local accounts reach 127.0.0.1 too: the superuser needs its password (trust is for app_trust).
        let servers = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: state))) as? [String: Any])
        let port = try #require(servers["postgresPort"] as? Int)
        let psqlOut = home.url.appendingPathComponent("psql.err").path
        let psql = try Spawn.run(
            ["/usr/bin/psql", "-w", "host=127.0.0.1 port=\(port) user=poolschool dbname=postgres", "-c", "SELECT 1"],
            environment: ["PATH": "/usr/bin:/bin"], stderr: psqlOut)
        #expect(psql != 0)
        #expect(try String(contentsOfFile: psqlOut, encoding: .utf8).contains("no password supplied"))
        kill(first.pid, SIGKILL)
        _ = try Spawn.wait(first.pid, arguments: ["poolschool"], seconds: 10)
        close(first.writer)
        #expect(!home.servers().isEmpty, "the orphaned servers should still run after kill -9")

        // 'real stop' from another poolschool cleans up after the crash; so does the next start, had it not.
        let stop = try PoolschoolProcess.run(["real", "stop"], environment: home.environment, seconds: Self.patience)
        #expect(stop.status == 0, "\(stop.stderr)")
        #expect(stop.stdout.contains("Cleaned up after a poolschool that ended without stopping its servers"))
        #expect(home.servers().isEmpty, "left running after real stop: \(home.servers())")
        let again = try startShell()
        kill(again.pid, SIGKILL)
        _ = try Spawn.wait(again.pid, arguments: ["poolschool"], seconds: 10)
        close(again.writer)
        #expect(!home.servers().isEmpty, "the orphaned servers should still run after kill -9")

        // The next start stops the orphans (their pid files are stale) and starts afresh; its exit stops all.
        let next = try PoolschoolProcess.run(["real", "start"], environment: home.environment, seconds: Self.patience)
        #expect(next.status == 0, "\(next.stderr)")
        #expect(next.stdout.contains("Cleaned up after a poolschool that ended without stopping its servers"))
        #expect(home.servers().isEmpty, "left running: \(home.servers())")

        // SIGTERM (a closed terminal, a kill): the shell's servers end with it.
        let second = try startShell()
        try #require(FileManager.default.fileExists(atPath: state))
        kill(second.pid, SIGTERM)
        _ = try Spawn.wait(second.pid, arguments: ["poolschool"], seconds: 10)
        close(second.writer)
        let deadline = Date().addingTimeInterval(20)
        while !home.servers().isEmpty, Date() < deadline { usleep(50_000) }
        #expect(home.servers().isEmpty, "left running after SIGTERM: \(home.servers())")
    }

    @Test(
        .enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"),
        .disabled(if: packagesMissing != nil, Comment(rawValue: packagesMissing ?? "")))
    func atATerminalCtrlCEndsAMeasurementEarlyAndCtrlDStopsTheServers() throws {
        let home = Home()
        defer { home.remove() }
        let tmux = try Tmux(
            command: "env POOLSCHOOL_HOME='\(home.url.path)' TERM=xterm '\(PoolschoolProcess.executable.path)'",
            width: 200, height: 50)
        defer { tmux.kill() }
        try tmux.waitFor("poolschool> ")
        tmux.type("real start")
        tmux.keys("Enter")
        try tmux.waitFor("they stop with 'real stop' or when you leave", seconds: Self.patience)
        #expect(!home.servers().isEmpty)
        // 500 logins a row would take minutes; Ctrl-C ends every row at once and the table shows what was timed.
        tmux.type("real measure --runs 500")
        tmux.keys("Enter")
        try tmux.waitFor("Measuring (500 logins per row; Ctrl-C stops early)")
        tmux.keys("C-c")
        try tmux.waitFor("yours: median / p95", seconds: Self.patience)
        try tmux.waitFor("poolschool> ", occurrences: 3, seconds: Self.patience)
        tmux.keys("C-d")
        try tmux.waitForExit(seconds: Self.patience)
        #expect(home.servers().isEmpty, "left running after Ctrl-D: \(home.servers())")
    }

    /// Whether this machine lets the test hide the packages in a private mount namespace (root, not every
    /// container).
    static let canHidePackages: Bool = {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare")
            && (try? Spawn.run(
                ["/usr/bin/unshare", "-m", "/bin/sh", "-c", "mount -t tmpfs none /mnt"],
                environment: ["PATH": "/usr/bin:/bin"], seconds: 10)) == 0
    }()

    @Test(.enabled(if: canHidePackages, "needs a private mount namespace (unshare -m, as root) to hide the packages"))
    func withoutThePackagesItNamesThemAndExitsTwo() throws {
        let home = Home()
        defer { home.remove() }
        // An empty /usr/lib/postgresql, in this process's own view of the file system only.
        let script = "mount -t tmpfs none /usr/lib/postgresql && exec \"$0\" real start"
        let err = home.url.appendingPathComponent("err").path
        try FileManager.default.createDirectory(at: home.url, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        for (key, value) in home.environment { environment[key] = value }
        let status = try Spawn.run(
            ["/usr/bin/unshare", "-m", "/bin/sh", "-c", script, PoolschoolProcess.executable.path],
            environment: environment, stderr: err, seconds: Self.patience)
        #expect(status == 2)
        let text = try String(contentsOfFile: err, encoding: .utf8)
        #expect(
            text.contains("real: the real-server lab needs these Debian packages, which are not installed: postgresql"))
        #expect(text.contains("install them with 'make real'"))
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("real/pgdata").path))
    }

    @Test func badArgumentsAreUsageErrorsWithoutStartingAnything() throws {
        let home = Home()
        defer { home.remove() }
        let verb = try PoolschoolProcess.run([], input: "real mesure\n", environment: home.environment)
        #expect(verb.status == 2)
        #expect(verb.stderr.contains("real: unknown verb 'mesure'; did you mean 'measure'?"))
        let runs = try PoolschoolProcess.run(
            ["real", "measure", "--runs", "0"], environment: home.environment, seconds: Self.patience)
        #expect(runs.status == 2)
        #expect(runs.stderr.contains("--runs takes"), "\(runs.stderr)")
        let mode = try PoolschoolProcess.run([], input: "real modes sesion\n", environment: home.environment)
        #expect(mode.status == 2)
        #expect(mode.stderr.contains("pool mode must be session, transaction or statement, got 'sesion'"))
        let setup = try PoolschoolProcess.run(
            ["sim", "--arrival-rate", "5/s", "--hold-mean", "5ms", "--setup", "measurd"], environment: home.environment)
        #expect(setup.status == 2)
        #expect(setup.stderr.contains("use one of loopback-trust, scram, tls-scram, reservation-desk, none, measured"))
        let config = try PoolschoolProcess.run([], input: "config db_setup=measured\n", environment: home.environment)
        #expect(config.status == 2)
        #expect(
            config.stderr.contains("config: db_setup: no calibration yet: run 'real calibrate'"), "\(config.stderr)")
        let help = try PoolschoolProcess.run(["real", "--help"], environment: home.environment, seconds: Self.patience)
        #expect(help.status == 0)
        #expect(help.stdout.hasPrefix("usage: real [start | stop | status | measure [--runs N]"))
        #expect(!FileManager.default.fileExists(atPath: home.url.appendingPathComponent("real/pgdata").path))
    }

    private func p99(_ json: String) -> Double {
        guard let data = json.data(using: .utf8),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return -1 }
        return object["p99_ms"] as? Double ?? -1
    }
}
