import Testing

@testable import PoolWorld

/// `SHOW POOLS` and `SHOW STATS` with PgBouncer's columns, and the admin console's table format.
@Suite struct ProxyAdminTests {
    @Test func showPoolsHasPgBouncersColumns() {
        #expect(
            ShowPoolsRow.columns == [
                "database", "user", "cl_active", "cl_waiting", "cl_active_cancel_req", "cl_waiting_cancel_req",
                "sv_active", "sv_active_cancel", "sv_being_canceled", "sv_idle", "sv_used", "sv_tested", "sv_login",
                "maxwait", "maxwait_us", "pool_mode",
            ])
        #expect(
            ShowStatsRow.columns == [
                "database", "total_xact_count", "total_query_count", "total_server_assignment_count", "total_received",
                "total_sent", "total_xact_time", "total_query_time", "total_wait_time", "avg_xact_count",
                "avg_query_count", "avg_server_assignment_count", "avg_recv", "avg_sent", "avg_xact_time",
                "avg_query_time", "avg_wait_time",
            ])
    }

    @Test func showPoolsCountsClientsAndServerConnectionsByState() throws {
        let world = proxyWorld(.session)
        try world.connectAll("alice", "bob", "carol")
        _ = try world.connect("dave", user: "report")
        _ = try world.send("alice", "SELECT 1")
        var row = try #require(world.showPools().first)
        #expect((row.clActive, row.clWaiting, row.svLogin) == (2, 1, 1))
        _ = try world.awaitAnswer("alice")
        _ = try world.answer("bob", "SELECT 1")
        _ = try world.send("carol", "SELECT 1")
        _ = try world.advance(by: .milliseconds(2_500))
        row = try #require(world.showPools().first)
        #expect((row.database, row.user, row.poolMode) == ("app", "app", .session))
        #expect((row.clActive, row.clWaiting, row.svActive, row.svIdle, row.svLogin) == (2, 1, 2, 0, 0))
        #expect((row.maxwait, row.maxwaitUs) == (2, 500_000))
        #expect(row.longestWait == .milliseconds(2_500))
        // alice leaves: her connection is being reset (sv_tested), then goes to carol.
        _ = try world.disconnect("alice")
        #expect(world.showPools().first?.svTested == 1)
        _ = try world.awaitAnswer("carol")
        row = try #require(world.showPools().first)
        #expect(
            (row.clActive, row.clWaiting, row.svActive, row.svTested, row.maxwait, row.maxwaitUs) == (2, 0, 2, 0, 0, 0))
        // dave's user has a pool of its own.
        #expect(world.showPools().map(\.user) == ["app", "report"])
        #expect(
            world.showPools().last?.values == [
                "app", "report", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "session",
            ])
    }

    @Test func showStatsCountsTransactionsQueriesBytesAndTimes() throws {
        let world = proxyWorld(.transaction) { $0.statsPeriod = .seconds(1) }
        try world.connectAll("alice")
        for sql in ["BEGIN", "SELECT 1", "COMMIT", "SELECT 2"] { _ = try world.answer("alice", sql) }
        let stats = try #require(world.showStats().first)
        #expect(stats.database == "app")
        // One block and one autocommit statement: two transactions, four queries, two assignments.
        #expect((stats.totalXactCount, stats.totalQueryCount, stats.totalServerAssignmentCount) == (2, 4, 2))
        // Simple-query messages: type byte, length, text, terminating zero.
        #expect(stats.totalReceived == (5 + 5 + 1) + (5 + 8 + 1) + (5 + 6 + 1) + (5 + 8 + 1))
        #expect(stats.totalSent == 17 + 66 + 18 + 66)
        // 120 µs per statement; the block spans three of them; the first assignment waited for the 1 ms login.
        #expect((stats.totalXactTime, stats.totalQueryTime, stats.totalWaitTime) == (480, 480, 1_000))
        #expect(stats.avgXactCount == 0)
        _ = try world.advance(by: .seconds(1))
        let period = try #require(world.showStats().first)
        #expect((period.avgXactCount, period.avgQueryCount, period.avgServerAssignmentCount) == (2, 4, 2))
        #expect((period.avgRecv, period.avgSent) == (stats.totalReceived, stats.totalSent))
        #expect((period.avgXactTime, period.avgQueryTime, period.avgWaitTime) == (240, 120, 500))
        // A quiet period: the averages fall to zero, the totals stay.
        _ = try world.advance(by: .seconds(1))
        let quiet = try #require(world.showStats().first)
        #expect(quiet.avgQueryCount == 0 && quiet.totalQueryCount == 4)
    }

    @Test func tablesPrintTheWayPsqlPrintsThem() throws {
        let table = AdminTable(columns: ["database", "cl_waiting"], rows: [["app", "3"], ["orders", "12"]])
        #expect(
            table.description == """
                 database | cl_waiting
                ----------+------------
                 app      |          3
                 orders   |         12
                (2 rows)
                """)
        #expect(AdminTable(columns: ["a"], rows: [["x"]]).description.hasSuffix("(1 row)"))
        let world = proxyWorld(.transaction)
        #expect(try world.admin("show pools;").columns == ShowPoolsRow.columns)
        #expect(try world.admin("SHOW  STATS").columns == ShowStatsRow.columns)
        #expect(throws: InputError("the admin console here knows SHOW POOLS and SHOW STATS, not \"SHOW CLIENTS\"")) {
            try world.admin("SHOW CLIENTS")
        }
    }
}
