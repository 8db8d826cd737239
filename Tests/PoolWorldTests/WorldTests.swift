import Testing

@testable import PoolWorld

@Suite struct WorldTests {
    /// A world like the course's reservation desk: 18 ms connections, a pool of 2.
    func deskWorld(_ configure: (inout PoolConfig) -> Void = { _ in }) -> ReferenceWorld {
        var database = DatabaseConfig()
        database.setup = .reservationDesk
        var pool = PoolConfig.plain(size: 2, borrowTimeout: .seconds(30))
        configure(&pool)
        return ReferenceWorld(database: database, pool: pool)
    }

    @Test func borrowOpensAConnectionAndLendsItWhenOpen() throws {
        let world = deskWorld()
        let asked = try world.borrow("a").map(\.description)
        #expect(asked.contains("t=0.000s pool opens c1 (setup 18ms)"))
        #expect(asked.contains("t=0.000s a waits (position 1)"))
        let later = try world.advance(by: .milliseconds(20)).map(\.description)
        #expect(later.contains("t=0.018s c1 opened (tcp 1ms, tls 6.3ms, auth 9ms, backend 1.7ms)"))
        #expect(later.contains("t=0.018s a got c1 (waited 18ms)"))
        #expect(world.now == SimInstant(nanoseconds: 20_000_000))
        #expect(world.poolMetrics[0] == PoolMetrics(total: 1, idle: 0, active: 1, waiting: 0, pending: 0))
    }

    @Test func queryAdvancesTheClockAndKeepsSessionState() throws {
        let world = deskWorld()
        _ = try world.borrow("a")
        _ = try world.advance(by: .milliseconds(20))
        let lines = try world.query("a", "SET statement_timeout = '5ms'").map(\.message)
        #expect(lines == ["a on c1: SET statement_timeout = 5ms → SET (50us)"])
        _ = try world.query("a", "PREPARE s1 AS SELECT 1")
        _ = try world.release("a")
        _ = try world.borrow("b")
        #expect(try world.session(of: "b").summary == "SET statement_timeout=5ms; PREPARE s1")
        let failed = try world.query("b", "SELECT work(20ms)").map(\.message)
        #expect(failed == ["b on c1: SELECT work(20ms) → ERROR: canceling statement due to statement timeout (5ms)"])
    }

    @Test func borrowTimeoutUsesHikariText() throws {
        let world = deskWorld { $0.maxSize = 1 }
        _ = try world.borrow("a")
        _ = try world.advance(by: .milliseconds(20))
        _ = try world.borrow("b")
        let lines = try world.advance(by: .seconds(31)).map(\.message)
        #expect(
            lines.contains(
                "b timed out: connection not available, request timed out after 30000ms "
                    + "(total=1, active=1, idle=0, waiting=1)"))
        #expect(world.borrowerSummary.map(\.name) == ["a"])
    }

    @Test func leakDetectionReportsButNeverReclaims() throws {
        let world = deskWorld { $0.leakDetectionThreshold = .seconds(2) }
        _ = try world.borrow("a")
        _ = try world.advance(by: .milliseconds(20))
        let leaked = try world.leak("a").map(\.message)
        #expect(leaked == ["a leaked c1: it will never be returned"])
        let report = try world.advance(by: .seconds(3)).map(\.message)
        #expect(report == ["possible leak: c1 held by a for 2s (not reclaimed)"])
        #expect(world.poolMetrics[0].active == 1)
        #expect(world.pools[0].counters.leaksReported == 1)
    }

    @Test func firewallDropMakesTheNextUseFailAndValidationPreventsIt() throws {
        for validates in [false, true] {
            let world = deskWorld {
                $0.validation = validates ? .onBorrow(ifIdleFor: .milliseconds(500)) : .none
            }
            _ = try world.inject(.firewall(idleLimit: .seconds(60)))
            _ = try world.borrow("a")
            _ = try world.advance(by: .milliseconds(20))
            _ = try world.release("a")
            _ = try world.advance(by: .seconds(120))
            _ = try world.borrow("b")
            _ = try world.advance(by: .milliseconds(50))
            let lines = try world.query("b", "SELECT 1").map(\.message)
            if validates {
                #expect(lines.last?.hasPrefix("b on c2: SELECT 1 → 1") == true)
                #expect(world.pools[0].counters.validationsFailed == 1)
            } else {
                #expect(lines.contains("c1 is dead: could not receive data from server: Connection timed out"))
            }
        }
    }

    @Test func idleSessionTimeoutKillsIdleConnectionsSilently() throws {
        let world = deskWorld()
        _ = try world.inject(.idleSessionTimeout(.seconds(10)))
        _ = try world.borrow("a")
        _ = try world.advance(by: .milliseconds(20))
        _ = try world.release("a")
        let killed = try world.advance(by: .seconds(11)).map(\.message)
        #expect(killed == ["server ended c1: FATAL: terminating connection due to idle-session timeout"])
        _ = try world.borrow("b")
        let lines = try world.query("b", "SELECT 1").map(\.message)
        #expect(lines.contains("c1 is dead: FATAL: terminating connection due to idle-session timeout"))
        #expect(lines.contains("b on c1: SELECT 1 → FATAL: terminating connection due to idle-session timeout (0s)"))
        _ = try world.release("b")
        #expect(world.poolMetrics[0].total == 0)
        #expect(world.pools[0].counters.closed(.broken) == 1)
    }

    @Test func restartKillsEveryConnectionAndRefusesNewOnesWhileStarting() throws {
        let world = deskWorld()
        _ = try world.borrow("a")
        _ = try world.advance(by: .milliseconds(20))
        let lines = try world.inject(.restart).map(\.message)
        #expect(lines.contains("server ended c1: FATAL: terminating connection due to administrator command"))
        _ = try world.borrow("b")
        let opened = try world.advance(by: .milliseconds(20)).map(\.message)
        #expect(opened.contains("c2 failed to open: FATAL: the database system is starting up"))
    }

    @Test func commandsExplainMistakes() throws {
        let world = deskWorld()
        #expect(throws: InputError("no borrower named \"x\" (there are none; start with borrow x)")) {
            try world.release("x")
        }
        _ = try world.borrow("a")
        #expect(throws: InputError("\"a\" already waits for a connection; release it first or choose another name")) {
            try world.borrow("a")
        }
        #expect(throws: InputError("\"a\" is still waiting for a connection; advance the clock until it has one")) {
            try world.query("a", "SELECT 1")
        }
    }
}
