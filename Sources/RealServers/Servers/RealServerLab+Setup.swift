import Foundation

extension RealServerLab {
    /// Makes the cluster once: initdb, settings, logins, a certificate; a half-made one is made again.
    /// Returns the port of the PostgreSQL the set-up left running (nil when there was nothing to make).
    func setUpIfNeeded(_ binaries: ServerBinaries, _ account: ServerAccount, say: (String) -> Void)
        throws(ServerError) -> Int?
    {
        let files = FileManager.default
        do {
            try files.createDirectory(atPath: layout.runDirectory, withIntermediateDirectories: true)
        } catch {
            throw ServerError("cannot create \(layout.runDirectory): \(error.localizedDescription)")
        }
        try account.own(layout.root)
        guard !isSetUp else { return nil }
        say("Setting up a private PostgreSQL cluster in \(layout.dataDirectory) (once; a few seconds)…")
        try? files.removeItem(atPath: layout.dataDirectory)
        var random = SystemRandomNumberGenerator()
        let password = (0..<4).map { _ in String(random.next(), radix: 16) }.joined()
        do {
            try Data(password.utf8).write(to: URL(fileURLWithPath: layout.superuserPassword))
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: layout.superuserPassword)
        } catch {
            throw ServerError("cannot write \(layout.superuserPassword): \(error.localizedDescription)")
        }
        try account.own(layout.root)
        try ChildProcess.check(
            account.prefix + [
                binaries.initdb, "-D", layout.dataDirectory, "-U", ClusterFiles.superuser,
                "--pwfile=\(layout.superuserPassword)", "--auth=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync",
            ], seconds: 120)
        try ChildProcess.check(
            [
                binaries.openssl, "req", "-new", "-x509", "-days", "3650", "-nodes", "-subj", "/CN=127.0.0.1",
                "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                "-keyout", layout.privateKey, "-out", layout.certificate,
            ])
        do {
            let settings = ClusterFiles.postgresSettings(layout)
            let conf = layout.dataDirectory + "/postgresql.conf"
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: conf))
            try handle.seekToEnd()
            try handle.write(contentsOf: Data(settings.utf8))
            try handle.close()
            try ClusterFiles.hba.write(toFile: layout.dataDirectory + "/pg_hba.conf", atomically: true, encoding: .utf8)
            try ClusterFiles.hba.write(toFile: layout.bouncerHBA, atomically: true, encoding: .utf8)
            try ClusterFiles.userList(superuserPassword: password).write(
                toFile: layout.bouncerUsers, atomically: true, encoding: .utf8)
            // PostgreSQL refuses a private key others can read.
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: layout.privateKey)
            try files.setAttributes([.posixPermissions: 0o600], ofItemAtPath: layout.bouncerUsers)
        } catch {
            throw ServerError("cannot write the cluster's settings in \(layout.root): \(error.localizedDescription)")
        }
        try account.own(layout.root)
        let port = try FreePort.pick()
        // Left running for the start that follows; a failure below stops it (start's clean-up).
        try startPostgres(binaries, account, port: port)
        do {
            let admin = try PGConnection(adminInfo(port: port, database: "postgres"))
            _ = try admin.execute(
                "CREATE ROLE \(ClusterFiles.trustUser) LOGIN; "
                    + "CREATE ROLE \(ClusterFiles.scramUser) LOGIN PASSWORD '\(ClusterFiles.scramPassword)'")
            // One statement each: CREATE DATABASE refuses to run in the implicit transaction of a batch.
            for (_, database, _) in ClusterFiles.databases {
                _ = try admin.execute("CREATE DATABASE \(database)")
            }
        } catch {
            throw ServerError("cannot create the lab's logins: \(error)")
        }
        _ = files.createFile(atPath: layout.path(Self.readyMarker), contents: Data("made by poolschool real\n".utf8))
        return port
    }

    /// `pg_ctl start -w`: returns once PostgreSQL accepts connections.
    func startPostgres(_ binaries: ServerBinaries, _ account: ServerAccount, port: Int) throws(ServerError) {
        do {
            try ChildProcess.check(
                account.prefix + [
                    binaries.pgCtl, "start", "-w", "-t", "60", "-D", layout.dataDirectory, "-l", layout.postgresLog,
                    "-o", "-p \(port)",
                ], seconds: 90)
        } catch {
            let log = (try? String(contentsOfFile: layout.postgresLog, encoding: .utf8)) ?? ""
            let tail = log.split(separator: "\n").suffix(3).joined(separator: "\n")
            throw ServerError("\(error.message)\n\(tail)")
        }
    }

    /// Writes pgbouncer.ini for these ports and starts PgBouncer as a daemon; returns once it listens.
    func startBouncer(_ binaries: ServerBinaries, _ account: ServerAccount, postgresPort: Int, bouncerPort: Int)
        throws(ServerError)
    {
        let config = ClusterFiles.bouncerConfig(layout, postgresPort: postgresPort, bouncerPort: bouncerPort)
        do {
            try config.write(toFile: layout.bouncerConfig, atomically: true, encoding: .utf8)
        } catch {
            throw ServerError("cannot write \(layout.bouncerConfig): \(error.localizedDescription)")
        }
        try account.own(layout.bouncerConfig)
        try ChildProcess.check(account.prefix + [binaries.pgbouncer, "-d", layout.bouncerConfig], seconds: 30)
        let deadline = Date().addingTimeInterval(15)
        while FreePort.connectTime(port: bouncerPort) == nil {
            guard Date() < deadline else {
                let log = (try? String(contentsOfFile: layout.bouncerLog, encoding: .utf8)) ?? ""
                throw ServerError(
                    "PgBouncer did not listen on 127.0.0.1:\(bouncerPort) within 15 s: "
                        + log.split(separator: "\n").suffix(3).joined(separator: "\n"))
            }
            usleep(20_000)
        }
    }

    /// Reads the processes and versions of the servers just started.
    func describe(postgresPort: Int, bouncerPort: Int) throws(ServerError) -> RunningServers {
        // PgBouncer may listen a moment before its daemon writes the pid file.
        let deadline = Date().addingTimeInterval(10)
        while ProcessProbe.pid(inFile: layout.bouncerPidFile) == nil, Date() < deadline { usleep(20_000) }
        guard let postgresPID = ProcessProbe.pid(inFile: layout.postmasterPidFile),
            let bouncerPID = ProcessProbe.pid(inFile: layout.bouncerPidFile)
        else { throw ServerError("the servers started but left no pid files in \(layout.root)") }
        do {
            let admin = try PGConnection(adminInfo(port: postgresPort, database: "postgres"))
            let version = try admin.execute("SHOW server_version").summary
            let console = try PGConnection(adminInfo(port: bouncerPort, database: "pgbouncer"))
            let bouncer = try console.execute("SHOW VERSION").summary
            return RunningServers(
                postgresPort: postgresPort, bouncerPort: bouncerPort, postgresPID: postgresPID,
                bouncerPID: bouncerPID, postgresVersion: version,
                bouncerVersion: bouncer.replacingOccurrences(of: "PgBouncer ", with: ""), owner: getpid())
        } catch {
            throw ServerError("the servers started but do not answer: \(error)")
        }
    }
}
