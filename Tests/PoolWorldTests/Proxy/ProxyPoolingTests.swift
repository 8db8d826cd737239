import Testing

@testable import PoolWorld

/// How the proxy hands out, takes back, checks, opens and closes server connections.
@Suite struct ProxyPoolingTests {
    @Test func eachModeReleasesTheServerConnectionAtItsOwnPoint() throws {
        let session = proxyWorld(.session)
        try session.connectAll("alice")
        _ = try session.answer("alice", "SELECT 1")
        #expect(session.server(of: "alice") == "s1")
        let left = try session.disconnect("alice").map(\.message)
        #expect(left.contains("s1 back to the pool from alice (client disconnect)"))

        let transaction = proxyWorld(.transaction)
        try transaction.connectAll("alice")
        #expect(
            try transaction.query("alice", "SELECT 1").map(\.message).last
                == "s1 back to the pool from alice (transaction end)")
        _ = try transaction.answer("alice", "BEGIN")
        _ = try transaction.answer("alice", "SELECT 1")
        #expect(transaction.server(of: "alice") == "s1")
        #expect(try transaction.session(of: "alice").transaction == .inTransaction)
        #expect(
            try transaction.query("alice", "COMMIT").map(\.message).last
                == "s1 back to the pool from alice (transaction end)")
        #expect(
            throws: InputError(
                "\"alice\" holds no server connection now; in transaction mode it has one only inside a transaction")
        ) { try transaction.session(of: "alice") }

        let statement = proxyWorld(.statement)
        try statement.connectAll("alice")
        #expect(
            try statement.query("alice", "SELECT 1").map(\.message).last
                == "s1 back to the pool from alice (statement end)")
    }

    @Test func onlySessionModeRunsTheResetQuery() throws {
        for mode in PoolMode.allCases {
            let world = proxyWorld(mode)
            try world.connectAll("alice")
            _ = try world.answer("alice", "SET search_path TO shop")
            let lines = try (world.disconnect("alice") + world.advance(by: .milliseconds(1))).map(\.message)
            let reset = lines.contains("pgbouncer runs DISCARD ALL on s1 → DISCARD ALL (50us)")
            #expect(reset == (mode == .session), "\(mode)")
            #expect(try world.session(ofServer: "s1").isClean == (mode == .session), "\(mode)")
        }
    }

    @Test func serverResetQueryAlwaysCleansAfterEveryTransaction() throws {
        let world = proxyWorld(.transaction, size: 1) { $0.serverResetQueryAlways = true }
        try world.connectAll("alice", "bob")
        _ = try world.answer("alice", "SET statement_timeout = '5ms'")
        _ = try world.advance(by: .milliseconds(1))
        #expect(try world.answer("bob", "SHOW statement_timeout") == "0")
    }

    @Test func aClientThatLeavesInsideATransactionTakesItsServerConnectionWithIt() throws {
        let world = proxyWorld(.transaction)
        try world.connectAll("alice")
        _ = try world.answer("alice", "BEGIN")
        let lines = try world.disconnect("alice").map(\.message)
        #expect(lines == ["alice disconnects", "s1 closed (client disconnect while server was not ready)"])
    }

    @Test func theReservePoolOpensOnlyForAClientThatWaitedReservePoolTimeout() throws {
        let world = proxyWorld(.session, size: 1) { $0.reservePoolSize = 1 }
        try world.connectAll("alice", "bob", "carol")
        _ = try world.answer("alice", "SELECT 1")
        let start = world.now
        _ = try world.send("bob", "SELECT 1")
        #expect(try world.advance(by: .milliseconds(4_999)).isEmpty)
        let due = try world.advance(by: .milliseconds(1))
        #expect(due.map(\.message).contains("pgbouncer: taking connection from reserve_pool"))
        #expect(due.first { $0.message == "pgbouncer opens s2 (setup 2.8ms)" }?.time == start + .seconds(5))
        let served = try world.awaitAnswer("bob").map(\.message)
        #expect(served.contains("bob got s2 (waited 5.003s)"))
        // The reserve is spent: carol waits however long it takes.
        _ = try world.send("carol", "SELECT 1")
        let later = try world.advance(by: .seconds(30)).map(\.message)
        #expect(!later.contains { $0.contains("opens") })
        #expect(world.showPools().first?.clWaiting == 1)
    }

    @Test func aPoolLogsInOneServerConnectionAtATime() throws {
        var server = DatabaseConfig()
        server.setup = .scram
        let world = proxyWorld(.transaction, size: 4, server: server)
        try world.connectAll("a", "b", "c", "d")
        var lines: [TraceEvent] = []
        for name in ["a", "b", "c", "d"] { lines += try world.send(name, "SELECT pg_sleep(1)") }
        lines += try world.advance(by: .milliseconds(50))
        let opens = lines.filter { $0.message.hasPrefix("pgbouncer opens") }
        #expect(opens.map(\.message) == (1...4).map { "pgbouncer opens s\($0) (setup 9.6ms)" })
        // Each login starts when the one before it is done.
        let first = try #require(opens.first).time
        #expect(opens.map { $0.time - first } == (0..<4).map { SimDuration(nanoseconds: Int64($0) * 9_600_000) })
    }

    @Test(arguments: [false, true])
    func idleServerConnectionsGoOutLastInFirstOutUnlessRoundRobin(roundRobin: Bool) throws {
        let world = proxyWorld(.transaction, size: 3) { $0.serverRoundRobin = roundRobin }
        try world.connectAll("a", "b", "c", "d")
        for (name, seconds) in [("a", "0.1"), ("b", "0.2"), ("c", "0.3")] {
            _ = try world.send(name, "SELECT pg_sleep(\(seconds))")
        }
        _ = try world.advance(by: .seconds(1))
        // Released s1, s2, s3 in that order: LIFO hands out s3, round robin s1.
        let lines = try world.query("d", "SELECT 1").map(\.message)
        #expect(lines.first == (roundRobin ? "d got s1" : "d got s3"))
    }

    @Test func aConnectionIdleLongerThanServerCheckDelayIsCheckedBeforeReuse() throws {
        let world = proxyWorld(.transaction)
        try world.connectAll("alice")
        _ = try world.answer("alice", "SELECT 1")
        _ = try world.advance(by: .seconds(29))
        #expect(world.showPools().first?.svIdle == 1 && world.showPools().first?.svUsed == 0)
        #expect(try world.query("alice", "SELECT 1").map(\.message).first == "alice got s1")
        _ = try world.advance(by: .seconds(31))
        #expect(world.showPools().first?.svIdle == 0 && world.showPools().first?.svUsed == 1)
        let lines = try world.query("alice", "SELECT 1").map(\.message)
        #expect(
            lines == [
                "alice waits for a server connection (position 1)", "pgbouncer runs <empty> on s1 → ok (50us)",
                "alice got s1 (waited 50us)", "alice on s1: SELECT 1 → 1 (50us)",
                "s1 back to the pool from alice (transaction end)",
            ])
    }

    @Test func anEmptyServerCheckQueryTurnsTheCheckOff() throws {
        let world = proxyWorld(.transaction) { $0.serverCheckQuery = "" }
        try world.connectAll("alice")
        _ = try world.answer("alice", "SELECT 1")
        _ = try world.advance(by: .minutes(5))
        #expect(world.showPools().first?.svUsed == 0)
        #expect(try world.query("alice", "SELECT 1").map(\.message).first == "alice got s1")
    }

    @Test func serverLifetimeClosesAreStaggeredOnePerLifetimeOverPoolSize() throws {
        let world = proxyWorld(.transaction, size: 4) { $0.serverIdleTimeout = .zero }
        try world.connectAll("a", "b", "c", "d")
        for name in ["a", "b", "c", "d"] { _ = try world.send(name, "SELECT pg_sleep(1)") }
        let closes = try world.advance(by: .minutes(120)).filter {
            $0.message.hasSuffix("closed (server lifetime over)")
        }
        #expect(closes.count == 4)
        let times = closes.map { $0.time.sinceStart.seconds }
        #expect(times[0] >= 3_600 && times[0] < 3_601)
        // 3600 s / 4 connections: at least 900 s apart, and no later than the janitor's next round after that.
        for (earlier, later) in zip(times, times.dropFirst()) {
            #expect(later - earlier >= 900 && later - earlier < 900.34, "\(times)")
        }
    }

    @Test func serverLifetimeZeroUsesEachConnectionOnce() throws {
        let world = proxyWorld(.transaction) { $0.serverLifetime = .zero }
        try world.connectAll("alice")
        let first = try world.query("alice", "SELECT 1").map(\.message)
        #expect(
            first.suffix(2) == ["s1 back to the pool from alice (transaction end)", "s1 closed (server lifetime over)"])
        #expect(try world.query("alice", "SELECT 2").map(\.message).contains("alice got s2 (waited 2.8ms)"))
    }

    @Test func serverIdleTimeoutNeverClosesBelowMinPoolSize() throws {
        let world = proxyWorld(.transaction, size: 5) {
            $0.minPoolSize = 2
            $0.serverIdleTimeout = .seconds(60)
        }
        try world.connectAll("a", "b", "c", "d", "e")
        for name in ["a", "b", "c", "d", "e"] { _ = try world.send(name, "SELECT pg_sleep(1)") }
        _ = try world.advance(by: .seconds(2))
        #expect(world.serverSummary.count == 5)
        #expect(try world.advance(by: .seconds(58)).isEmpty)
        let closes = try world.advance(by: .seconds(2)).map(\.message).filter { $0.hasSuffix("(server idle timeout)") }
        #expect(closes.count == 3)
        _ = try world.advance(by: .minutes(30))
        #expect(world.serverSummary.count == 2)
    }

    @Test func minPoolSizeFillsOnceAClientConnectsOneLoginAtATime() throws {
        let world = proxyWorld(.transaction, size: 5) { $0.minPoolSize = 3 }
        #expect(try world.advance(by: .seconds(1)).isEmpty)
        _ = try world.connect("alice")
        let lines = try world.advance(by: .seconds(1)).filter { $0.message.hasPrefix("pgbouncer opens") }
        #expect(lines.count == 3)
        #expect(zip(lines, lines.dropFirst()).allSatisfy { $1.time - $0.time >= .milliseconds(1) })
    }

    @Test func aForcedUserKeepsMinPoolSizeWithoutClients() throws {
        let world = try ProxyWorld(
            ini: """
                [databases]
                app = host=db dbname=app user=svc min_pool_size=2

                [pgbouncer]
                pool_mode = transaction
                """, database: fastServer)
        _ = try world.advance(by: .seconds(2))
        #expect(world.serverSummary.count == 2)
        #expect(world.showPools().map(\.user) == ["svc"])
    }

    @Test func maxDBConnectionsCapsThePoolsOfADatabaseTogether() throws {
        let world = proxyWorld(.transaction, size: 5) {
            $0.maxDBConnections = 2
            $0.serverIdleTimeout = .seconds(5)
        }
        _ = try world.connect("alice", user: "a")
        _ = try world.connect("bob", user: "b")
        _ = try world.connect("carol", user: "c")
        try world.pin("alice")
        try world.pin("bob")
        _ = try world.send("carol", "SELECT 1")
        _ = try world.advance(by: .seconds(2))
        #expect(world.serverSummary.count == 2)
        #expect(world.showPools().map(\.clWaiting) == [0, 0, 1])
        // alice's and bob's connections sit idle in their own pools; when the idle timeout closes one,
        // carol's pool may open its own.
        let lines = try world.awaitAnswer("carol").map(\.message)
        #expect(lines.contains("s1 closed (server idle timeout)"))
        #expect(lines.contains("pgbouncer opens s3 (setup 2.8ms)"))
        #expect(world.lastResult(of: "carol")?.summary == "1")
    }

    @Test func aStatementThroughTheProxyCostsOneHopMoreThanADirectOne() throws {
        let world = proxyWorld(.session, server: .init())
        try world.connectAll("alice")
        _ = try world.answer("alice", "SELECT 1")
        let start = world.now
        #expect(try world.answer("alice", "SELECT 1") == "1")
        // The server's 50 us (loopback round trip and a trivial statement), then 90 us through PgBouncer.
        #expect(world.now - start == .microseconds(50 + 90))
        var scenario = ProxyScenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        scenario.hop = .zero
        let direct = ProxyWorld(scenario: scenario)
        _ = try direct.connect("bob")
        _ = try direct.query("bob", "SELECT 1")
        let then = direct.now
        _ = try direct.query("bob", "SELECT 1")
        #expect(direct.now - then == .microseconds(50), "without the hop, a direct connection's time")
    }

    @Test func aNewClientAndOneSelectThroughPgBouncerTakeTheMeasuredThreeTenthsOfAMillisecond() throws {
        let world = proxyWorld(.transaction, server: .init())
        try world.connectAll("warm")
        _ = try world.answer("warm", "SELECT 1")
        let start = world.now
        try world.connectAll("alice")
        #expect(world.now - start == .microseconds(150), "the client's login to PgBouncer")
        #expect(try world.answer("alice", "SELECT 1") == "1")
        // pgbench -C through PgBouncer with trust: about 0.3 ms, the server connection already open.
        #expect(world.now - start == .microseconds(150 + 50 + 90))
    }
}
