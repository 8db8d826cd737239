import Testing

@testable import PoolWorld

/// Session state as the lab shows it: what leaks from one borrower to the next, and what the server does
/// about idle sessions.
@Suite struct WorldSessionTests {
    func world(size: Int = 2, _ configure: (inout DatabaseConfig) -> Void = { _ in }) -> ReferenceWorld {
        var database = DatabaseConfig()
        database.setup = .loopbackTrust
        configure(&database)
        return ReferenceWorld(database: database, pool: .plain(size: size, borrowTimeout: .seconds(30)))
    }

    func borrowed(_ world: ReferenceWorld, _ names: String...) throws {
        for name in names { _ = try world.borrow(name) }
        _ = try world.advance(by: .milliseconds(5))
    }

    @Test func anIdleTransactionIsEndedByTheServer() throws {
        let world = world { $0.idleInTransactionSessionTimeout = .seconds(5) }
        try borrowed(world, "a")
        _ = try world.query("a", "BEGIN")
        #expect(try world.session(of: "a").transaction == .inTransaction)
        let lines = try world.advance(by: .seconds(6)).map(\.message)
        #expect(lines == ["server ended c1: FATAL: terminating connection due to idle-in-transaction timeout"])
        let next = try world.query("a", "COMMIT").map(\.message)
        #expect(next.contains("c1 is dead: FATAL: terminating connection due to idle-in-transaction timeout"))
    }

    @Test func aPreparedStatementDoesNotFollowTheClientToAnotherConnection() throws {
        let world = world()
        try borrowed(world, "a", "b")
        _ = try world.query("a", "PREPARE s_1 AS SELECT 1")
        let lines = try world.query("b", "EXECUTE s_1").map(\.message)
        #expect(lines.count == 1)
        #expect(lines[0].hasPrefix("b on c2: EXECUTE s_1 → ERROR: prepared statement \"s_1\" does not exist"))
    }

    @Test func anAdvisoryLockWaitsForItsHolderAndDiesWithItsSession() throws {
        let world = world()
        try borrowed(world, "a", "b")
        _ = try world.query("a", "SELECT pg_advisory_lock(42)")
        let blocked = try world.query("b", "SELECT pg_advisory_lock(42)", limit: .seconds(1)).map(\.message)
        #expect(blocked.isEmpty)
        #expect(world.lastResult(of: "b") == nil)
        let killed = try world.inject(.killConnection("c1")).map(\.message)
        #expect(killed.first == "fault: administrator terminates c1")
        #expect(killed.contains("server ended c1: FATAL: terminating connection due to administrator command"))
        _ = try world.advance(by: .milliseconds(1))
        #expect(world.lastResult(of: "b")?.outcome == .success(""))
        #expect(try world.session(of: "b").advisoryLocks == [42: 1])
    }

    @Test func listenersHearNotificationsOnCommit() throws {
        let world = world()
        try borrowed(world, "a", "b")
        _ = try world.query("a", "LISTEN jobs")
        _ = try world.query("b", "BEGIN")
        let inside = try world.query("b", "NOTIFY jobs, 'resize'").map(\.message)
        #expect(!inside.contains { $0.contains("got NOTIFY") })
        let committed = try world.query("b", "COMMIT").map(\.message)
        #expect(committed.contains { $0.hasPrefix("c1 got NOTIFY jobs 'resize' from pid") })
    }

    @Test func aListenerInsideATransactionHearsWhenItsTransactionEnds() throws {
        for end in ["COMMIT", "ROLLBACK", "END"] {
            let world = world()
            try borrowed(world, "a", "b")
            _ = try world.query("a", "LISTEN jobs")
            _ = try world.query("a", "BEGIN")
            let sent = try world.query("b", "NOTIFY jobs, 'resize'").map(\.message)
            #expect(!sent.contains { $0.contains("got NOTIFY") }, "a is inside a transaction block")
            let busy = try world.query("a", "SELECT 1").map(\.message)
            #expect(!busy.contains { $0.contains("got NOTIFY") }, "still inside")
            let ended = try world.query("a", end).map(\.message)
            #expect(ended.filter { $0.hasPrefix("c1 got NOTIFY jobs 'resize' from pid") }.count == 1, "\(end)")
            let later = try world.query("a", "SELECT 1").map(\.message)
            #expect(!later.contains { $0.contains("got NOTIFY") }, "delivered once")
        }
    }

    @Test func aListenerThatDiesInsideItsTransactionNeverHears() throws {
        let world = world()
        try borrowed(world, "a", "b")
        _ = try world.query("a", "LISTEN jobs")
        _ = try world.query("a", "BEGIN")
        _ = try world.query("b", "NOTIFY jobs, 'resize'")
        let killed = try world.inject(.killConnection("c1")).map(\.message)
        #expect(!killed.contains { $0.contains("got NOTIFY") })
        let advanced = try world.advance(by: .seconds(1)).map(\.message)
        #expect(!advanced.contains { $0.contains("got NOTIFY") })
    }

    @Test func killingAnUnknownConnectionNamesTheOpenOnes() throws {
        let world = world()
        try borrowed(world, "a")
        #expect(throws: InputError("no open connection named \"c9\"; open ones: c1")) {
            try world.inject(.killConnection("c9"))
        }
    }

    @Test func slowAuthenticationDelaysEveryNewConnection() throws {
        let world = world()
        _ = try world.inject(.slowAuthentication(extra: .seconds(2)))
        _ = try world.borrow("a")
        let lines = try world.advance(by: .seconds(3)).map(\.message)
        #expect(lines.contains("c1 opened (tcp 50us, auth 2s, backend 2.55ms)"))
        #expect(lines.contains("a got c1 (waited 2.003s)"))
    }
}
