import Testing

@testable import PoolWorld

@Suite struct SQLStatementTests {
    @Test func aStringLiteralIsReturnedAsPostgreSQLReturnsIt() throws {
        #expect(try SQLStatement(parsing: "SELECT 'a  b'") == .selectValue("a  b"))
        #expect(try SQLStatement(parsing: "SELECT 'it''s';") == .selectValue("it's"))
        #expect(try SQLStatement(parsing: "SELECT 42") == .selectValue("42"))
        #expect(SQLStatement.stringLiteral("'a' || 'b'") == nil, "two literals are not one")
    }

    @Test(arguments: [
        ("SELECT 1", SQLStatement.selectValue("1")),
        ("select work(5ms);", .work(.milliseconds(5))),
        ("SELECT pg_sleep(0.5)", .sleep(.milliseconds(500))),
        ("begin", .begin), ("START TRANSACTION", .begin), ("END", .commit), ("ABORT", .rollback),
        ("SET statement_timeout = '5ms'", .set(name: "statement_timeout", value: "5ms", local: false)),
        ("SET LOCAL search_path TO app", .set(name: "search_path", value: "app", local: true)),
        ("RESET ALL", .reset(name: nil)), ("SHOW TimeZone", .show(name: "timezone")),
        ("PREPARE S_1 AS SELECT 1", .prepare(name: "s_1", statement: .selectValue("1"))),
        ("EXECUTE s_1", .execute(name: "s_1")), ("DEALLOCATE ALL", .deallocate(name: nil)),
        ("CREATE TEMP TABLE cart (id int)", .createTempTable(name: "cart")),
        ("INSERT INTO cart VALUES (1)", .insert(table: "cart")),
        ("SELECT count(*) FROM cart", .selectFrom(table: "cart")),
        ("LISTEN jobs", .listen(channel: "jobs")), ("UNLISTEN *", .unlisten(channel: nil)),
        ("NOTIFY jobs, 'hi'", .notify(channel: "jobs", payload: "hi")),
        ("SELECT pg_advisory_lock(42)", .advisoryLock(key: 42)),
        ("SELECT pg_advisory_unlock(42)", .advisoryUnlock(key: 42)),
        ("SELECT pg_try_advisory_lock(-1)", .tryAdvisoryLock(key: -1)), ("DISCARD ALL", .discardAll),
        ("SELECT 1/0", .divisionByZero),
        ("CREATE TEMP TABLE t (id int) ON COMMIT DROP", .createTempTableOnCommit(name: "t", onCommit: .drop)),
        (
            "create temporary table t (id int) on commit delete rows",
            .createTempTableOnCommit(name: "t", onCommit: .deleteRows)
        ),
        (
            "DECLARE c CURSOR WITH HOLD FOR SELECT generate_series(1, 3)",
            .declareCursor(name: "c", hold: true, query: .generateSeries(from: 1, to: 3))
        ),
        (
            "DECLARE c NO SCROLL CURSOR FOR SELECT * FROM t",
            .declareCursor(name: "c", hold: false, query: .selectFrom(table: "t"))
        ),
        ("FETCH c", .fetch(cursor: "c", count: 1)), ("FETCH 2 FROM c", .fetch(cursor: "c", count: 2)),
        ("FETCH FORWARD ALL IN c", .fetch(cursor: "c", count: nil)), ("CLOSE ALL", .closeCursor(name: nil)),
        ("LOAD 'auto_explain'", .load(library: "auto_explain")), ("DISCARD PLANS", .discardPlans),
    ])
    func parses(text: String, statement: SQLStatement) throws {
        #expect(try SQLStatement(parsing: text) == statement)
    }

    @Test func printedStatementsParseBack() throws {
        let statements: [SQLStatement] = [
            .work(.milliseconds(5)), .sleep(.milliseconds(500)), .set(name: "work_mem", value: "64MB", local: true),
            .prepare(name: "s1", statement: .selectValue("1")), .notify(channel: "jobs", payload: "x"),
            .createTempTable(name: "t"), .advisoryLock(key: 9), .discardAll,
            .createTempTableOnCommit(name: "t", onCommit: .preserveRows), .fetch(cursor: "c", count: nil),
            .declareCursor(name: "c", hold: false, query: .selectValue("1")), .closeCursor(name: "c"),
            .load(library: "auto_explain"), .discardPlans, .generateSeries(from: 1, to: 5),
        ]
        for statement in statements {
            #expect(try SQLStatement(parsing: statement.description) == statement)
        }
    }

    @Test func unknownTextFailsLikePostgreSQL() {
        #expect(throws: DatabaseError.syntaxError(near: "SELEC")) { try SQLStatement(parsing: "SELEC 1") }
        #expect(throws: DatabaseError.self) { try SQLStatement(parsing: "SELECT pg_advisory_lock(x)") }
        #expect(throws: DatabaseError.syntaxError(near: "auto_explain")) {
            try SQLStatement(parsing: "LOAD auto_explain")
        }
        #expect(throws: DatabaseError.syntaxError(near: "KEEP")) {
            try SQLStatement(parsing: "CREATE TEMP TABLE t (id int) ON COMMIT KEEP ROWS")
        }
        #expect(throws: DatabaseError.syntaxError(near: "NOTIFY")) {
            try SQLStatement(parsing: "DECLARE c CURSOR FOR NOTIFY jobs")
        }
        #expect(DatabaseError.syntaxError(near: "SELEC").description == "ERROR: syntax error at or near \"SELEC\"")
    }
}

@Suite struct ConnectionSetupTests {
    @Test func presetsAddUpToTheirPublishedTotals() throws {
        // The measured totals (2.9, 9.7 and 15 ms with a SELECT 1 and the disconnect), less about 0.1 ms.
        #expect(try ConnectionSetup.preset(named: "loopback-trust").total == .milliseconds(2.8))
        #expect(try ConnectionSetup.preset(named: "scram").total == .milliseconds(9.6))
        #expect(try ConnectionSetup.preset(named: "tls-scram").total == .milliseconds(14.9))
        #expect(try ConnectionSetup.preset(named: "reservation-desk").total == .milliseconds(18))
        #expect(try ConnectionSetup.preset(named: "none").total == .zero)
        #expect(ConnectionSetup.reservationDesk.description == "tcp 1ms, tls 6.3ms, auth 9ms, backend 1.7ms")
        // The backend start is the bulk of a trust login, within the measured 1.5-4 ms; trust auth 0.1-0.3 ms.
        let trust = ConnectionSetup.loopbackTrust
        #expect(trust.fork >= .milliseconds(1.5) && trust.fork <= .milliseconds(4) && trust.fork * 2 > trust.total)
        #expect(trust.auth >= .milliseconds(0.1) && trust.auth <= .milliseconds(0.3))
        #expect(ConnectionSetup.scram.auth - trust.auth == .milliseconds(6.8))
        #expect(ConnectionSetup.tlsScram.tls == .milliseconds(5.3))
    }

    @Test func unknownPresetListsTheKnownOnes() {
        #expect(
            throws: InputError(
                "unknown setup preset \"ldap\": use one of loopback-trust, scram, tls-scram, reservation-desk, none")
        ) {
            try ConnectionSetup.preset(named: "ldap")
        }
    }
}

@Suite struct ProcessorSharingTests {
    @Test func moreQueriesThanCoresEachRunSlower() {
        var cpu = ProcessorSharing(cores: 2)
        for backend in 0..<4 {
            cpu.start(.init(backend: Int32(backend), statement: 1), work: 10_000_000, now: 0)
        }
        // Four 10 ms queries on two cores: each runs at half speed and all finish at 20 ms.
        #expect(cpu.nextCompletion(now: 0) == 20_000_000)
        #expect(cpu.takeFinished(now: 19_999_000).isEmpty)
        #expect(cpu.takeFinished(now: 20_000_000).count == 4)
        #expect(cpu.busyCoreNanoseconds == 40_000_000)
    }

    @Test func aFinishingQuerySpeedsUpTheRest() {
        var cpu = ProcessorSharing(cores: 1)
        cpu.start(.init(backend: 0, statement: 1), work: 2_000_000, now: 0)
        cpu.start(.init(backend: 1, statement: 1), work: 6_000_000, now: 0)
        // Both at half speed until the short one is done at 4 ms; the long one has 4 ms left at full speed.
        #expect(cpu.nextCompletion(now: 0) == 4_000_000)
        #expect(cpu.takeFinished(now: 4_000_000).map(\.backend) == [0])
        #expect(cpu.nextCompletion(now: 4_000_000) == 8_000_000)
    }

    @Test func unlimitedCoresNeverQueueAndCancelledJobsVanish() {
        var cpu = ProcessorSharing(cores: nil)
        for backend in 0..<50 {
            cpu.start(.init(backend: Int32(backend), statement: 1), work: 5_000_000, now: 0)
        }
        cpu.cancel(.init(backend: 0, statement: 1), now: 1_000_000)
        #expect(cpu.active == 49)
        #expect(cpu.nextCompletion(now: 1_000_000) == 5_000_000)
        #expect(cpu.takeFinished(now: 5_000_000).count == 49)
    }
}
