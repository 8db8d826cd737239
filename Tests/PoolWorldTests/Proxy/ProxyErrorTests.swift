import Testing

@testable import PoolWorld

/// PgBouncer's own errors, word for word, at the moment PgBouncer sends them.
@Suite struct ProxyErrorTests {
    @Test func theClientAboveMaxClientConnIsRefusedAtLogin() throws {
        let world = proxyWorld(.transaction) { $0.maxClientConn = 2 }
        try world.connectAll("a", "b")
        let refused = try world.connect("c").map(\.message)
        #expect(refused == ["pgbouncer refuses c: FATAL: no more connections allowed (max_client_conn)"])
        #expect(world.closedWith("c") == .maxClientConn)
        #expect(world.closedWith("c")?.sqlState == "08P01")
        #expect(
            throws: InputError(
                "\"c\" is not connected (pgbouncer closed it: FATAL: no more connections allowed (max_client_conn)); "
                    + "connect c again to go on")
        ) { try world.query("c", "SELECT 1") }
        // A waiting client counts as connected too; once one leaves, there is room again.
        _ = try world.disconnect("a")
        #expect(try world.connect("c").map(\.message) == ["c connects to pgbouncer (database app, user app)"])
    }

    /// PgBouncer 1.25 sends the notice once the whole seconds waited exceed query_wait_notify (5): at 6 s.
    @Test func aQueuedClientGetsTheNoticeAfterFiveWholeSecondsAndIsClosedAtQueryWaitTimeout() throws {
        let world = proxyWorld(.session, size: 1)
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "SELECT 1")
        let start = world.now
        let queued = try world.send("bob", "SELECT 1").map(\.message)
        #expect(queued == ["bob waits for a server connection (position 1)"])
        let early = try world.advance(by: .milliseconds(5_999))
        #expect(early.isEmpty, "five whole seconds are not more than query_wait_notify = 5")
        let notice = try world.advance(by: .milliseconds(1))
        #expect(notice.map(\.message) == ["bob gets NOTICE: " + proxyQueuedNotice])
        #expect(notice.first?.time == start + .seconds(6))
        #expect(proxyQueuedNotice == "No server connection available in postgres backend, client being queued")
        let pools = world.showPools()
        #expect(pools.first?.clWaiting == 1 && pools.first?.maxwait == 6)
        let closed = try world.advance(by: .seconds(114))
        #expect(closed.map(\.message) == ["pgbouncer closes bob: FATAL: query_wait_timeout"])
        #expect(closed.first?.time == start + .seconds(120))
        #expect(world.lastResult(of: "bob")?.error == .queryWaitTimeout)
        #expect(world.showPools().first?.clWaiting == 0)
    }

    @Test func withQueryWaitTimeoutZeroAClientWaitsForEver() throws {
        let world = proxyWorld(.session, size: 1) { $0.queryWaitTimeout = .zero }
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "SELECT 1")
        _ = try world.send("bob", "SELECT 1")
        _ = try world.advance(by: .minutes(30))
        #expect(world.closedWith("bob") == nil)
        #expect(world.showPools().first?.maxwait == 1_800)
        let served = try world.disconnect("alice") + world.awaitAnswer("bob")
        #expect(served.map(\.message).contains("bob got s1 (waited 1800s)"))
        #expect(world.lastResult(of: "bob")?.summary == "1")
    }

    @Test func beginInStatementModeClosesTheClientAndTheServerConnection() throws {
        let world = proxyWorld(.statement)
        try world.connectAll("alice")
        _ = try world.answer("alice", "SELECT 1")
        let lines = try world.query("alice", "BEGIN").map(\.message)
        #expect(
            lines == [
                "alice got s1", "alice on s1: BEGIN → BEGIN (50us)",
                "pgbouncer closes alice: FATAL: transaction blocks not allowed in statement pooling mode",
                "s1 closed (transaction blocks not allowed in statement pooling mode)",
            ])
        #expect(world.lastResult(of: "alice")?.error == .transactionBlocksInStatementMode)
        #expect(world.closedWith("alice")?.sqlState == "08P01")
        #expect(world.database.connections == 0)
        #expect(world.serverSummary.isEmpty)
    }

    @Test(arguments: [PoolMode.session, .transaction])
    func aClientIdleInATransactionIsClosedAtIdleTransactionTimeout(mode: PoolMode) throws {
        let world = proxyWorld(mode) { $0.idleTransactionTimeout = .seconds(10) }
        try world.connectAll("alice", "bob")
        // Idle outside a transaction, or busy inside one, is fine.
        _ = try world.answer("alice", "SELECT 1")
        _ = try world.advance(by: .seconds(11))
        _ = try world.answer("alice", "BEGIN")
        #expect(try world.answer("alice", "SELECT pg_sleep(15)") == "")
        let lines = try world.advance(by: .seconds(10)).map(\.message)
        #expect(
            lines == [
                "pgbouncer closes alice: FATAL: idle transaction timeout", "s1 closed (idle transaction timeout)",
            ])
        #expect(world.closedWith("alice") == .idleTransactionTimeout)
        #expect(world.database.connections == 0)
        // The pinned connection is gone, not handed to bob with a transaction open.
        #expect(try world.answer("bob", "SELECT 1") == "1")
        #expect(world.serverSummary.map(\.name) == ["s2"])
    }

    @Test func aDatabaseMissingFromTheConfigurationIsRefused() throws {
        let world = proxyWorld(.session)
        let lines = try world.connect("alice", database: "billing").map(\.message)
        #expect(lines == ["pgbouncer refuses alice: FATAL: no such database: billing"])
    }

    @Test func failingLoginsFailNewClientsFastUntilServerLoginRetry() throws {
        let world = proxyWorld(.transaction)
        try world.connectAll("alice", "bob")
        _ = try world.inject(.authenticationFails(true))
        let first = try world.send("alice", "SELECT 1") + world.advance(by: .milliseconds(5))
        #expect(
            first.map(\.message).contains("s1 failed to open: FATAL: password authentication failed for user \"app\""))
        #expect(world.closedWith("alice") == nil)
        #expect(
            try world.answer("bob", "SELECT 1")
                == "FATAL: server login has been failing, cached error: "
                + "FATAL: password authentication failed for user \"app\" (server_login_retry)")
        _ = try world.inject(.authenticationFails(false))
        let retried = try world.advance(by: .seconds(15)).map(\.message)
        #expect(retried.contains("pgbouncer opens s2 (setup 2.8ms)"))
        _ = try world.awaitAnswer("alice")
        #expect(world.lastResult(of: "alice")?.summary == "1")
    }

    @Test func aServerConnectionKilledUnderItsClientClosesTheClient() throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice")
        _ = try world.answer("alice", "SELECT 1")
        let lines = try world.inject(.killConnection("s1")).map(\.message)
        #expect(
            lines == [
                "fault: administrator terminates s1",
                "server ended s1: FATAL: terminating connection due to administrator command",
                "alice gets FATAL: terminating connection due to administrator command (forwarded from s1)",
                "pgbouncer closes alice: FATAL: server conn crashed?", "s1 closed (server conn crashed?)",
            ])
        // The server's own FATAL reaches alice first, then PgBouncer's.
        #expect(world.notices(of: "alice") == ["FATAL: terminating connection due to administrator command"])
        #expect(world.closedWith("alice") == .serverConnectionCrashed)
        #expect(throws: InputError("no open server connection named \"s1\"; none is open")) {
            try world.inject(.killConnection("s1"))
        }
    }

    @Test func aKilledIdleServerConnectionIsDroppedBeforeAnyoneUsesIt() throws {
        let world = proxyWorld(.transaction)
        try world.connectAll("alice")
        _ = try world.answer("alice", "SELECT 1")
        let lines = try world.inject(.killConnection("s1")).map(\.message)
        #expect(lines.last == "s1 closed (server conn crashed?)")
        // PgBouncer watches idle server sockets: the next query gets a fresh connection, not an error.
        #expect(try world.answer("alice", "SELECT 2") == "2")
    }

    @Test func maxClientConnIsCheckedBeforeTheDatabaseIsLookedUp() throws {
        // PgBouncer counts clients as soon as the startup packet arrives, before authentication and before it
        // finds out that the database does not exist.
        let world = proxyWorld(.session) { $0.maxClientConn = 1 }
        try world.connectAll("alice")
        let refused = try world.connect("bob", database: "nosuchdb").map(\.message)
        #expect(refused.contains("pgbouncer refuses bob: FATAL: no more connections allowed (max_client_conn)"))
        _ = try world.disconnect("alice")
        let unknown = try world.connect("carol", database: "nosuchdb").map(\.message)
        #expect(unknown.contains("pgbouncer refuses carol: FATAL: no such database: nosuchdb"))
    }
}
