import Testing

@testable import Shell

/// The PgBouncer worlds in the shell.
@Suite(.timeLimit(.minutes(1))) struct ProxyLabSessionTests {
    @Test func transactionModeLeaksSessionStateToTheNextClient() {
        let run = ScriptedSession([
            "lab modes-side-by-side", "connect a", "connect b", "query a SET statement_timeout = '5ms'",
            "query b SELECT pg_sleep(2)", "query b SHOW statement_timeout",
        ])
        let mine = run.transcript.components(separatedBy: "is ready:").last ?? ""
        #expect(mine.contains("b on s1: SELECT pg_sleep(2) → ERROR: canceling statement due to statement timeout"))
        #expect(mine.contains("b on s1: SHOW statement_timeout → 5ms"))
        #expect(run.status == .success)
    }

    @Test func sessionModeResetsAndStatementModeRefusesBegin() {
        let session =
            ScriptedSession([
                "lab modes-side-by-side session", "connect a", "query a SET statement_timeout = '5ms'", "disconnect a",
                "connect b", "query b SHOW statement_timeout",
            ]).transcript.components(separatedBy: "is ready:").last ?? ""
        #expect(session.contains("SHOW statement_timeout → 0"))
        let statement = ScriptedSession(["lab modes-side-by-side statement", "connect a", "query a BEGIN"])
        #expect(statement.transcript.contains("FATAL: transaction blocks not allowed in statement pooling mode"))
    }

    @Test func showPoolsDuringAFanInLoadShowsWaitingClients() throws {
        let run = ScriptedSession(["lab fan-in", "advance 2s", "show pools"])
        let table = run.transcript.components(separatedBy: "now t=2.000s\n").last ?? ""
        let lines = table.split(separator: "\n").map(String.init)
        let columns = try #require(lines.first).split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = lines[2].split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }
        func value(_ column: String) throws -> String {
            let index = try #require(columns.firstIndex(of: column), "no column \(column)")
            return values[index]
        }
        #expect(try Int(value("cl_waiting"))! > 1_000)
        #expect(try Int(value("maxwait"))! >= 1)
        #expect(try value("pool_mode") == "transaction")
    }

    @Test func poolCommandsInAProxyWorldSayWhereToGo() {
        let run = ScriptedSession(["connect a", "lab fan-in", "borrow", "show tables"])
        #expect(run.transcript.contains("'connect' talks to PgBouncer; start a PgBouncer world first: lab fan-in"))
        #expect(run.transcript.contains("'borrow' works on the pool worlds; this is the PgBouncer world 'fan-in'"))
        #expect(run.transcript.contains("show: expected one of pools, stats"))
    }
}
