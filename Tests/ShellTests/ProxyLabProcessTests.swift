import Foundation
import Testing

/// The PgBouncer worlds through the real executable, as a learner scripts them.
@Suite(.timeLimit(.minutes(1))) struct ProxyLabProcessTests {
    /// The lines after the learner's own world is ready.
    private func mine(_ lines: [String]) throws -> (text: String, result: PoolschoolProcess.Result) {
        let result = try PoolschoolProcess.run([], input: lines.joined(separator: "\n") + "\n")
        return (result.stdout.components(separatedBy: "is ready:").last ?? "", result)
    }

    @Test func sqlAfterTheClientNameReachesTheWorldAsTyped() throws {
        let (text, result) = try mine([
            "lab modes-side-by-side session", "connect a", "query a LOAD 'auto_explain'",
            #"query a SELECT 42 \parse s1"#, #"query a \bind_named s1 \g"#,
            #"query a SET application_name = "it's";"#, "query a SHOW application_name",
            #"send a SELECT 'unterminated"#,
        ])
        #expect(text.contains("a on s1: LOAD 'auto_explain' → LOAD"))
        #expect(text.contains(#"a on s1: SELECT 42 \parse s1 → "#))
        #expect(text.contains(#"a on s1: \bind_named s1 \g → 42"#))
        #expect(text.contains("SHOW application_name → it's"), "double quotes are SQL's, not the shell's")
        #expect(!result.stderr.contains("unterminated single quote; close it"), "the shell left the SQL alone")
    }

    @Test func sqlOnAPoolWorldConnectionReachesTheWorldAsTypedToo() throws {
        let result = try PoolschoolProcess.run(
            [], input: "borrow as a\nquery a LOAD 'auto_explain'\nquery a SELECT 'two  spaces, it''s'\n")
        #expect(result.stdout.contains("a on c10: LOAD 'auto_explain' → LOAD"), "\(result.stdout)")
        #expect(result.stdout.contains("→ two  spaces, it's"), "the literal arrives whole and comes back as its value")
        #expect(result.status == 0)
    }

    @Test func labListNamesThePgBouncerWorlds() throws {
        let result = try PoolschoolProcess.run([], input: "lab --list\n")
        #expect(result.status == 0)
        for name in ["default", "fleet", "fan-in", "modes-side-by-side", "proxy-fleet"] {
            #expect(result.stdout.split(separator: "\n").contains { $0.hasPrefix(name + " ") }, "no \(name)")
        }
    }

    @Test(arguments: ["fan-in", "proxy-fleet", "modes-side-by-side"])
    func aChosenModeIsTheModeTheWorldRuns(scenario: String) throws {
        for mode in ["session", "transaction", "statement"] {
            let (text, result) = try mine(["lab \(scenario) \(mode)", "connect zed", "show pools", "show config"])
            #expect(result.stdout.contains("Your own PgBouncer world (\(mode) mode) is ready"))
            let rows = text.split(separator: "\n").filter { $0.contains("|") }
            func cells(_ row: Substring) -> [String] {
                row.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
            }
            let pools = rows.map(cells).filter { $0.first == "app" }
            #expect(!pools.isEmpty && pools.allSatisfy { $0.contains(mode) }, "\(scenario) \(mode): \(text)")
            #expect(rows.map(cells).contains { $0.first == "pool_mode" && $0[1] == mode })
        }
        let (text, result) = try mine(["lab \(scenario)", "connect zed", "show pools"])
        #expect(result.stdout.contains("(transaction mode) is ready"), "the scenario's own mode")
        #expect(text.contains("| transaction"), "\(text)")
    }

    @Test func configChangesThePgBouncerWorldAndRefusesTyposWithASuggestion() throws {
        let (text, result) = try mine([
            "lab modes-side-by-side", "config default_pool_size=1 reserve_pool_size=0 query_wait_timeout=2",
            "connect a", "connect b", "query a BEGIN", "send b SELECT 1", "advance 3s", "config max_client_con=3",
            "config pool_mode=sessions",
        ])
        #expect(text.contains("default_pool_size=1 reserve_pool_size=0 query_wait_timeout=2; fresh PgBouncer world"))
        #expect(text.contains("pgbouncer closes b: FATAL: query_wait_timeout"), "one server: b waits 2 s, then goes")
        #expect(
            result.stderr.contains(#"unknown parameter "max_client_con" in [pgbouncer]; did you mean max_client_conn?"#)
        )
        #expect(result.stderr.contains(#"pool_mode = "sessions": use session, transaction or statement"#))
        #expect(result.status == 2)
    }

    @Test func theFigureRunsInTheChosenModeToo() throws {
        let fanIn = try PoolschoolProcess.run([], input: "lab fan-in session\n").stdout
        #expect(
            fanIn.contains(
                "fan-in: 2,000 client connections from 100 app servers share 50 server connections in session mode"))
        #expect(
            fanIn.contains("× FATAL: query_wait_timeout"), "in session mode the clients beyond 50 never get a server")
        let fleet = try PoolschoolProcess.run([], input: "lab proxy-fleet statement\n").stdout
        #expect(fleet.contains("through one shared PgBouncer (statement mode)"))
    }

    @Test func labResetKeepsTheChosenModeAndSettings() throws {
        let (text, _) = try mine([
            "lab fan-in session", "config default_pool_size=3", "lab reset", "connect zed", "show pools", "show config",
        ])
        #expect(text.contains("Fresh PgBouncer world: fan-in, session mode, at t=0s."))
        let rows = text.split(separator: "\n").map {
            $0.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        #expect(rows.contains { $0.first == "default_pool_size" && $0[1] == "3" })
        #expect(rows.contains { $0.first == "app" && $0.contains("session") })
    }

    @Test func maxClientConnAndPoolModeChangeWhatClientsMeet() throws {
        let (text, _) = try mine([
            "lab fan-in", "config max_client_conn=1 pool_mode=statement", "connect a", "connect b", "query a BEGIN",
        ])
        #expect(text.contains("FATAL: no more connections allowed (max_client_conn)"))
        #expect(text.contains("FATAL: transaction blocks not allowed in statement pooling mode"))
    }

    @Test func faultsHitTheDatabaseBehindThePgBouncer() throws {
        let (text, result) = try mine([
            "lab modes-side-by-side session", "connect a", "query a SELECT 1", "fault kill s1", "connect b",
            "query b SELECT 1", "fault restart", "fault kill s9",
        ])
        #expect(text.contains("fault: kill s1") || text.contains("server ended s1"), "\(text)")
        #expect(text.contains("fault: database restart"))
        #expect(result.stderr.contains(#"no open server connection named "s9""#))
    }

    @Test func theModelledVersionsAreStatedWhereTheLearnerLooks() throws {
        let result = try PoolschoolProcess.run([], input: "help\nstats\nlab fan-in\nstats\n")
        #expect(result.stdout.contains("The world models PostgreSQL 18 and PgBouncer 1.25"))
        #expect(result.stdout.contains("default (PostgreSQL 18)"))
        #expect(result.stdout.contains("fan-in (PgBouncer 1.25, transaction mode, PostgreSQL 18 behind it)"))
        let lesson = try String(
            contentsOf: PoolschoolProcess.packageRoot.appendingPathComponent("Lessons/10-proxy-pooling.md"),
            encoding: .utf8)
        #expect(lesson.contains("models **PostgreSQL 18** and **PgBouncer 1.25**"))
        #expect(lesson.contains("reserved for\n  non-replication superuser connections"), "PostgreSQL 15's text")
    }

    @Test func everyAdminViewPrintsThroughTheShell() throws {
        let (text, result) = try mine([
            "lab modes-side-by-side", "connect a", "query a BEGIN", "show clients", "show servers", "show databases",
            "show stats", "show lists",
        ])
        #expect(text.contains(" type | user | database | replication | state "))
        #expect(text.contains(" C    | app  | app      | none        | active "))
        #expect(text.contains(" S    | app  | app      | none        | active "))
        #expect(text.contains("   name    | host | port | database  | force_user "))
        #expect(text.contains(" database | total_server_assignment_count | total_xact_count "))
        #expect(result.stderr.contains("show: expected one of pools, stats, clients, servers, databases, config"))
    }
}
