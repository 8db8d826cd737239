import Testing

@testable import PoolWorld

/// `SHOW POOLS` and `SHOW STATS` with PgBouncer's columns, and the admin console's table format.
@Suite struct ProxyAdminTests {
    @Test func showPoolsHasPgBouncersColumns() {
        #expect(
            ShowPoolsRow.columns == [
                "database", "user", "cl_active", "cl_waiting", "cl_active_cancel_req", "cl_waiting_cancel_req",
                "sv_active", "sv_active_cancel", "sv_being_canceled", "sv_idle", "sv_used", "sv_tested", "sv_login",
                "maxwait", "maxwait_us", "pool_mode", "load_balance_hosts",
            ])
        #expect(
            ShowStatsRow.columns == [
                "database", "total_server_assignment_count", "total_xact_count", "total_query_count",
                "total_received", "total_sent", "total_xact_time", "total_query_time", "total_wait_time",
                "total_client_parse_count", "total_server_parse_count", "total_bind_count",
                "avg_server_assignment_count", "avg_xact_count", "avg_query_count", "avg_recv", "avg_sent",
                "avg_xact_time", "avg_query_time", "avg_wait_time", "avg_client_parse_count", "avg_server_parse_count",
                "avg_bind_count",
            ])
    }

    @Test func showStatsCountsProtocolLevelPreparedStatements() throws {
        let world = proxyWorld(.transaction)
        try world.connectAll("alice", "bob")
        _ = try world.query("alice", #"SELECT 42 \parse s1"#)
        _ = try world.query("alice", #"\bind_named s1 \g"#)
        _ = try world.query("alice", #"\bind_named s1 \g"#)
        let stats = try #require(world.showStats().first)
        #expect((stats.totalClientParseCount, stats.totalServerParseCount, stats.totalBindCount) == (1, 1, 2))
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
                "app", "report", "1", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "0", "session", "",
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
        // 50 µs per statement on the server; the block spans three of them and the two 90 µs hops that carry
        // BEGIN's and SELECT 1's answers back while it holds s1; the first assignment waited for the 2.8 ms login.
        #expect((stats.totalXactTime, stats.totalQueryTime, stats.totalWaitTime) == (330 + 50, 200, 2_800))
        #expect(stats.avgXactCount == 0)
        _ = try world.advance(by: .seconds(1))
        let period = try #require(world.showStats().first)
        #expect((period.avgXactCount, period.avgQueryCount, period.avgServerAssignmentCount) == (2, 4, 2))
        #expect((period.avgRecv, period.avgSent) == (stats.totalReceived, stats.totalSent))
        #expect((period.avgXactTime, period.avgQueryTime, period.avgWaitTime) == (190, 50, 1_400))
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
        // An address is text, left-aligned, as psql aligns a text column.
        #expect(
            AdminTable(columns: ["local_addr"], rows: [["127.0.0.1"]]).description.split(separator: "\n")[2]
                == " 127.0.0.1", "left-aligned; a number would be right-aligned under the wider header")
        let world = proxyWorld(.transaction)
        #expect(try world.admin("show pools;").columns == ShowPoolsRow.columns)
        #expect(try world.admin("SHOW  STATS").columns == ShowStatsRow.columns)
        #expect(
            throws: InputError(
                "the admin console here knows SHOW POOLS, SHOW STATS, SHOW CLIENTS, SHOW SERVERS, SHOW DATABASES, "
                    + "SHOW CONFIG, not \"SHOW LISTS\"")
        ) {
            try world.admin("SHOW LISTS")
        }
    }

    /// Cells of `table` in `column`, row by row.
    private func column(_ table: AdminTable, _ name: String) throws -> [String] {
        let index = try #require(table.columns.firstIndex(of: name), "no column \(name)")
        return table.rows.map { $0[index] }
    }

    @Test func showClientsAndServersListEachConnectionWithPgBouncersColumns() throws {
        let socketColumns = [
            "type", "user", "database", "replication", "state", "addr", "port", "local_addr", "local_port",
            "connect_time", "request_time", "wait", "wait_us", "close_needed", "ptr", "link", "remote_pid", "tls",
            "application_name", "prepared_statements", "id",
        ]
        let world = proxyWorld(.transaction, size: 1)
        try world.connectAll("alice", "bob", "carol")
        _ = try world.query("alice", "BEGIN")
        _ = try world.send("bob", "SELECT 1")
        _ = try world.advance(by: .milliseconds(1_500))
        let clients = try world.admin("SHOW CLIENTS")
        #expect(clients.columns == socketColumns)
        #expect(try column(clients, "ptr") == ["alice", "carol", "bob"], "linked and idle first, then waiting")
        #expect(try column(clients, "state") == ["active", "idle", "waiting"])
        #expect(try column(clients, "link") == ["s1", "", ""])
        #expect(try column(clients, "wait") == ["0", "0", "1"] && column(clients, "wait_us")[2] == "500000")
        let servers = try world.admin("SHOW SERVERS")
        #expect(servers.columns == socketColumns)
        #expect(try column(servers, "ptr") == ["s1"] && column(servers, "link") == ["alice"])
        #expect(try column(servers, "type") == ["S"] && column(servers, "state") == ["active"])
        #expect(try Int(column(servers, "remote_pid")[0])! > 0, "a server's pid is its backend's")
    }

    @Test func showDatabasesListsTheEntriesAndTheAdminConsole() throws {
        let world = try ProxyWorld(
            ini:
                "[databases]\nshop = dbname=shop_db pool_size=3 pool_mode=statement\n[pgbouncer]\nmax_db_connections = 9"
        )
        _ = try world.connect("alice", database: "shop")
        let table = try world.admin("SHOW DATABASES")
        #expect(
            table.columns == [
                "name", "host", "port", "database", "force_user", "pool_size", "min_pool_size", "reserve_pool_size",
                "server_lifetime", "pool_mode", "load_balance_hosts", "max_connections", "current_connections",
                "max_client_connections", "current_client_connections", "paused", "disabled",
            ])
        #expect(try column(table, "name") == ["pgbouncer", "shop"])
        #expect(try column(table, "database") == ["pgbouncer", "shop_db"])
        #expect(
            try column(table, "pool_size") == ["2", "3"] && column(table, "pool_mode") == ["statement", "statement"])
        #expect(try column(table, "max_connections")[1] == "9" && column(table, "current_client_connections")[1] == "1")
    }
}
