import Testing

@testable import PoolWorld

/// The three proxy scenarios the lab offers: they run, and they show what they promise.
@Suite struct ProxyLabTests {
    @Test func theCatalogNamesThreeScenariosWithOneLineEach() throws {
        #expect(ProxyLab.catalog.map(\.name) == ["fan-in", "modes-side-by-side", "proxy-fleet"])
        for entry in ProxyLab.catalog {
            #expect(!entry.summary.isEmpty && !entry.summary.contains("\n") && entry.summary.count <= 120)
            #expect(try ProxyLab.scenario(named: entry.name).problems.isEmpty)
        }
        #expect(
            throws: InputError("unknown proxy scenario \"fanin\": use one of fan-in, modes-side-by-side, proxy-fleet")
        ) {
            try ProxyLab.run("fanin")
        }
    }

    @Test func fanInSqueezesTwoThousandClientsThroughFiftyServerConnections() throws {
        let report = try ProxyLab.run("fan-in")
        let run = try #require(report.runs.first?.proxy)
        #expect(run.clientConnections == 2_000)
        #expect(run.run.maxDatabaseConnections == 50)
        #expect(run.peakClientsWaiting > 1_000)
        let busiest = try #require(run.busiestPools.first)
        #expect(busiest.clWaiting > 1_000 && busiest.longestWait > .zero)
        #expect(run.run.errored + run.run.timedOut == 0)
        #expect(run.run.violations.isEmpty)
        #expect(report.tables.map(\.title) == ["SHOW POOLS at the busiest moment", "SHOW STATS at the end"])
        #expect(report.lines.first?.hasPrefix("2,000 client connections from 100 app servers shared 50") == true)
        #expect(report.text.contains(" cl_active | cl_waiting "))
    }

    @Test func modesSideBySideShowWhatBreaksAndItsError() throws {
        let report = try ProxyLab.run("modes-side-by-side")
        let runs = Dictionary(uniqueKeysWithValues: report.modeRuns.map { ($0.mode, $0.results) })
        let session = try #require(runs[.session])
        let transaction = try #require(runs[.transaction])
        let statement = try #require(runs[.statement])
        #expect(session.count == ProxyLab.modesProgram.count)
        // Session mode behaves like a direct connection: no errors anywhere.
        #expect(!session.contains { $0.contains("ERROR") || $0.contains("FATAL") })
        #expect(session[9] == "42" && session[6] == "f")
        #expect(transaction[5] == "ERROR: canceling statement due to statement timeout")
        #expect(transaction[6] == "t")
        // alice's LISTEN is on bob's server connection, inside bob's transaction: he hears it when it ends.
        #expect(transaction[8] == "NOTIFY; held for bob until its transaction ends")
        #expect(transaction[11] == "COMMIT; bob hears NOTIFY jobs")
        #expect(transaction[9] == "ERROR: prepared statement \"q\" does not exist")
        #expect(transaction[10] == "ERROR: relation \"cart\" does not exist")
        #expect(transaction[12] == "5ms")
        #expect(statement[7] == "FATAL: transaction blocks not allowed in statement pooling mode")
        #expect(statement[11].hasPrefix("(bob reconnects) "))
        #expect(
            report.lines.contains { $0.hasPrefix("transaction: step 10 alice: EXECUTE q → ERROR: prepared statement") })
        #expect(report.tables.first?.table.columns == ["step", "session", "transaction", "statement"])
    }

    @Test func aSharedProxyKeepsTheFleetUnderMaxConnections() throws {
        let report = try ProxyLab.run("proxy-fleet")
        let direct = try #require(report.runs.first { $0.label == "direct" }?.result)
        let proxied = try #require(report.runs.first { $0.label == "through PgBouncer" }?.proxy)
        #expect(direct.maxDatabaseConnections == 97)
        #expect(
            direct.errorsByMessage.keys.contains(
                "could not open a connection: FATAL: remaining connection slots are reserved for roles with the SUPERUSER attribute"
            ))
        #expect(proxied.run.maxDatabaseConnections <= 50)
        #expect(proxied.run.errorsByMessage.isEmpty)
        #expect(proxied.run.completed == proxied.run.requests)
        #expect(report.lines.count == 4)
    }

    @Test func theModesWorldIsOpenForTheLearnersOwnClients() throws {
        let world = ProxyWorld(scenario: try ProxyLab.scenario(named: "modes-side-by-side", mode: .statement))
        try world.connectAll("alice")
        #expect(try world.answer("alice", "BEGIN") == "FATAL: transaction blocks not allowed in statement pooling mode")
    }
}
