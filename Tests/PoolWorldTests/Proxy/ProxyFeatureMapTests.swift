import Testing

@testable import PoolWorld

/// PgBouncer's SQL feature map, row by row, in session mode and in the modes that share server connections
/// between transactions (transaction, and statement, which follows it). Session state lives on the server
/// connection: in session mode it follows the client, in transaction mode it stays behind for the next client.
@Suite struct ProxyFeatureMapTests {
    // MARK: Startup parameters: yes, yes

    @Test(arguments: PoolMode.allCases)
    func startupParametersFollowEachClient(mode: PoolMode) throws {
        // One server connection in the sharing modes: both clients use it, each still sees its own values.
        let world = proxyWorld(mode, size: mode == .session ? 2 : 1)
        _ = try world.connect("alice", parameters: ["application_name": "alpha", "TimeZone": "Europe/Paris"])
        _ = try world.connect("bob", parameters: ["application_name": "beta"])
        #expect(try world.answer("alice", "SHOW application_name") == "alpha")
        #expect(try world.answer("bob", "SHOW application_name") == "beta")
        #expect(try world.answer("alice", "SHOW timezone") == "Europe/Paris")
        #expect(try world.answer("bob", "SHOW timezone") == "UTC")
        // A SET of a tracked parameter is reported by the server, so PgBouncer keeps it for the client too.
        #expect(try world.answer("alice", "SET application_name = 'gamma'") == "SET")
        #expect(try world.answer("bob", "SHOW application_name") == "beta")
        #expect(try world.answer("alice", "SHOW application_name") == "gamma")
        #expect(world.serverSummary.count == (mode == .session ? 2 : 1))
    }

    // MARK: SET / RESET: yes, never

    @Test func sessionModeKeepsASettingWithItsClientAndResetsItOnRelease() throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice", "bob")
        #expect(try world.answer("alice", "SET statement_timeout = '5ms'") == "SET")
        #expect(try world.answer("bob", "SELECT pg_sleep(0.01)") == "")
        #expect(try world.answer("alice", "SHOW statement_timeout") == "5ms")
        #expect(try world.answer("alice", "RESET statement_timeout") == "RESET")
        #expect(try world.answer("alice", "SHOW statement_timeout") == "0")
        _ = try world.answer("alice", "SET search_path TO app")
        let server = try #require(world.server(of: "alice"))
        let lines = try (world.disconnect("alice") + world.advance(by: .milliseconds(1))).map(\.message)
        #expect(lines.contains { $0.hasPrefix("pgbouncer runs DISCARD ALL on \(server) → DISCARD ALL") })
        #expect(try world.session(ofServer: server).isClean)
    }

    @Test(arguments: sharingModes)
    func aSettingStaysOnTheServerConnectionForTheNextClient(mode: PoolMode) throws {
        let world = proxyWorld(mode, size: 1)
        try world.connectAll("alice", "bob")
        #expect(try world.answer("alice", "SET statement_timeout = '5ms'") == "SET")
        #expect(
            try world.answer("bob", "SELECT pg_sleep(0.01)") == "ERROR: canceling statement due to statement timeout")
        // RESET is no better: bob's RESET takes alice's setting away.
        #expect(try world.answer("bob", "RESET statement_timeout") == "RESET")
        #expect(try world.answer("alice", "SHOW statement_timeout") == "0")
    }

    // MARK: LISTEN: yes, never; NOTIFY: yes, yes

    @Test func sessionModeDeliversNotificationsToTheListener() throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "LISTEN jobs")
        let lines = try world.query("bob", "NOTIFY jobs, 'resize'").map(\.message)
        #expect(lines.contains { $0.hasPrefix("alice gets NOTIFY jobs 'resize' from pid") })
        #expect(world.notices(of: "alice").count == 1)
    }

    @Test(arguments: sharingModes)
    func aListenStaysOnTheServerConnectionAndSomeoneElseHearsIt(mode: PoolMode) throws {
        let world = proxyWorld(mode)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "LISTEN jobs")
        // bob gets alice's old server connection, LISTEN and all: the notification reaches him.
        let lines = try world.query("bob", "NOTIFY jobs, 'resize'").map(\.message)
        #expect(lines.contains { $0.hasPrefix("bob gets NOTIFY jobs 'resize' from pid") })
        #expect(world.notices(of: "alice").isEmpty)
        // Sent while that connection sits idle in the pool, a notification reaches nobody at all.
        _ = try world.connect("carol")
        try world.pin("carol")
        let idle = try world.query("bob", "NOTIFY jobs, 'again'").map(\.message)
        #expect(world.notices(of: "alice").isEmpty)
        #expect(idle.contains { $0.contains("NOTIFY jobs 'again'") })
    }

    @Test(arguments: PoolMode.allCases)
    func notifyWorksFromAnyModeToAListenerThatKeepsItsConnection(mode: PoolMode) throws {
        // The usual setup: listeners use a session-mode database entry, everyone else the shared pool.
        let world = try ProxyWorld(
            ini: """
                [databases]
                app = host=db dbname=app pool_mode=\(mode)
                app_listen = host=db dbname=app pool_mode=session

                [pgbouncer]
                default_pool_size = 2
                """)
        _ = try world.connect("listener", database: "app_listen")
        _ = try world.connect("sender", database: "app")
        _ = try world.answer("listener", "LISTEN orders")
        if mode != .statement {
            _ = try world.answer("sender", "BEGIN")
            let inside = try world.query("sender", "NOTIFY orders, 'paid'").map(\.message)
            #expect(!inside.contains { $0.contains("gets NOTIFY") })
            let committed = try world.query("sender", "COMMIT").map(\.message)
            #expect(committed.contains { $0.hasPrefix("listener gets NOTIFY orders 'paid'") })
        } else {
            let sent = try world.query("sender", "NOTIFY orders, 'paid'").map(\.message)
            #expect(sent.contains { $0.hasPrefix("listener gets NOTIFY orders 'paid'") })
        }
    }

    // MARK: Protocol-level prepared plans: yes, yes (with max_prepared_statements > 0)

    @Test(arguments: PoolMode.allCases)
    func protocolLevelPreparedStatementsFollowTheClient(mode: PoolMode) throws {
        let world = proxyWorld(mode, size: 3)
        try world.connectAll("alice", "bob")
        #expect(try world.answer("alice", "SELECT 42 \\parse answer") == "")
        #expect(try world.answer("alice", "\\bind_named answer \\g") == "42")
        let first = world.serverSummary.map(\.name)
        try world.pin("bob")
        #expect(try world.answer("alice", "\\bind_named answer \\g") == "42")
        if mode != .session {
            // PgBouncer prepared it again, under its own name, on the second server connection.
            #expect(world.serverSummary.count == first.count + 1)
            for server in world.serverSummary.map(\.name) {
                #expect(try world.session(ofServer: server).preparedStatements["PGBOUNCER_1"] == .selectValue("42"))
            }
        }
    }

    @Test func deallocateAllForgetsTheStatementsPgBouncerTracksForTheClient() throws {
        let world = proxyWorld(.transaction)
        try world.connectAll("alice")
        _ = try world.answer("alice", "SELECT 42 \\parse answer")
        #expect(try world.answer("alice", "DEALLOCATE ALL") == "DEALLOCATE ALL")
        #expect(
            try world.answer("alice", "\\bind_named answer \\g")
                == "ERROR: prepared statement \"answer\" does not exist")
    }

    @Test(arguments: sharingModes)
    func withoutTrackingAProtocolLevelStatementIsLostOnTheNextServer(mode: PoolMode) throws {
        let world = proxyWorld(mode) { $0.maxPreparedStatements = 0 }
        try world.connectAll("alice", "bob")
        #expect(try world.answer("alice", "SELECT 42 \\parse answer") == "")
        try world.pin("bob")
        #expect(
            try world.answer("alice", "\\bind_named answer \\g")
                == "ERROR: prepared statement \"answer\" does not exist")
    }

    // MARK: SQL PREPARE / DEALLOCATE: yes, never

    @Test func sessionModeKeepsSQLPreparedStatementsPerClient() throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice", "bob")
        #expect(try world.answer("alice", "PREPARE q AS SELECT 7") == "PREPARE")
        #expect(try world.answer("bob", "PREPARE q AS SELECT 8") == "PREPARE")
        #expect(try world.answer("alice", "EXECUTE q") == "7")
        #expect(try world.answer("bob", "EXECUTE q") == "8")
        #expect(try world.answer("alice", "DEALLOCATE q") == "DEALLOCATE")
    }

    @Test(arguments: sharingModes)
    func anSQLPreparedStatementExistsOnOneServerConnectionOnly(mode: PoolMode) throws {
        let world = proxyWorld(mode)
        try world.connectAll("alice", "bob")
        #expect(try world.answer("alice", "PREPARE q AS SELECT 7") == "PREPARE")
        #expect(try world.answer("bob", "PREPARE q AS SELECT 8") == "ERROR: prepared statement \"q\" already exists")
        try world.pin("bob")
        #expect(try world.answer("alice", "EXECUTE q") == "ERROR: prepared statement \"q\" does not exist")
        #expect(try world.answer("alice", "DEALLOCATE q") == "ERROR: prepared statement \"q\" does not exist")
    }

    // MARK: Session-level advisory locks: yes, never

    @Test func sessionModeKeepsAnAdvisoryLockWithItsClientAndReleasesItOnDisconnect() throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "SELECT pg_advisory_lock(42)")
        #expect(try world.answer("bob", "SELECT pg_try_advisory_lock(42)") == "f")
        _ = try world.disconnect("alice")
        #expect(try world.answer("bob", "SELECT pg_try_advisory_lock(42)") == "t")
    }

    @Test(arguments: sharingModes)
    func anAdvisoryLockStaysOnTheServerConnectionForWhoeverGetsItNext(mode: PoolMode) throws {
        let world = proxyWorld(mode)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "SELECT pg_advisory_lock(42)")
        // bob's statement runs on the backend that holds the lock: he "takes" it again.
        #expect(try world.answer("bob", "SELECT pg_try_advisory_lock(42)") == "t")
        try world.pin("bob")
        #expect(
            try world.answer("alice", "SELECT pg_advisory_unlock(42)")
                == "WARNING: you don't own a lock of type ExclusiveLock; f")
    }
}
