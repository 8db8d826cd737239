import Testing

@testable import PoolWorld

/// pgbouncer.ini as PgBouncer reads it: its defaults, its syntax, and errors that name the line.
@Suite struct ProxyConfigTests {
    @Test func theDefaultsArePgBouncers() {
        let config = ProxyConfig()
        #expect(config.poolMode == .session)
        #expect(config.maxClientConn == 100)
        #expect(config.defaultPoolSize == 20)
        #expect(config.minPoolSize == 0)
        #expect(config.reservePoolSize == 0 && config.reservePoolTimeout == .seconds(5))
        #expect(config.maxDBConnections == 0 && config.maxUserConnections == 0)
        #expect(config.serverIdleTimeout == .seconds(600))
        #expect(config.serverLifetime == .seconds(3_600))
        #expect(config.serverCheckDelay == .seconds(30) && config.serverCheckQuery == "<empty>")
        #expect(config.serverResetQuery == "DISCARD ALL" && !config.serverResetQueryAlways)
        #expect(config.queryWaitTimeout == .seconds(120) && config.queryWaitNotify == .seconds(5))
        #expect(config.idleTransactionTimeout == .zero)
        #expect(config.serverLoginRetry == .seconds(15))
        #expect(config.maxPreparedStatements == 200)
        #expect(config.statsPeriod == .seconds(60))
        #expect(config.problems.isEmpty)
    }

    @Test func theLessonsFileReadsAsWritten() throws {
        let config = try ProxyConfig(
            ini: """
                ; lesson 10
                [databases]
                orders = host=10.0.0.5 port=5432 dbname=orders

                [pgbouncer]
                listen_port = 6432
                pool_mode = transaction
                max_client_conn = 2000
                default_pool_size = 40
                max_db_connections = 50
                query_wait_timeout = 10
                """)
        #expect(config.databases.map(\.name) == ["orders"])
        #expect(config.databases[0].host == "10.0.0.5" && config.databases[0].port == 5432)
        #expect(config.databases[0].dbname == "orders")
        #expect(config.poolMode == .transaction && config.maxClientConn == 2_000)
        #expect(config.defaultPoolSize == 40 && config.maxDBConnections == 50)
        #expect(config.queryWaitTimeout == .seconds(10) && config.listenPort == 6432)
        // Everything not in the file keeps PgBouncer's default.
        #expect(config.serverIdleTimeout == .seconds(600) && config.reservePoolTimeout == .seconds(5))
    }

    @Test func everySimulatedSettingAndPerDatabaseOverrideIsRead() throws {
        let config = try ProxyConfig(
            ini: """
                [databases]
                app = dbname=app pool_size=7 min_pool_size=1 reserve_pool=2 pool_mode=statement max_db_connections=9 server_lifetime=60 client_encoding=UTF8
                * = host=db user='svc'

                [pgbouncer]
                min_pool_size = 2
                reserve_pool_size = 3
                reserve_pool_timeout = 0.5
                max_user_connections = 30
                server_idle_timeout = 0
                server_lifetime = 1800
                server_check_delay = 10
                server_check_query = select 1
                server_reset_query = DEALLOCATE ALL
                server_reset_query_always = 1
                server_round_robin = yes
                server_login_retry = 2
                query_wait_notify = 0
                idle_transaction_timeout = 30
                max_prepared_statements = 0
                stats_period = 15
                auth_type = scram-sha-256
                client_idle_timeout = 0
                """)
        let app = try #require(config.database(named: "app"))
        #expect(app.poolSize == 7 && app.minPoolSize == 1 && app.reservePoolSize == 2 && app.poolMode == .statement)
        #expect(app.maxDBConnections == 9 && app.serverLifetime == .seconds(60) && app.queryWaitTimeout == nil)
        #expect(config.database(named: "anything")?.user == "svc")
        #expect(
            config.minPoolSize == 2 && config.reservePoolSize == 3 && config.reservePoolTimeout == .milliseconds(500))
        #expect(config.maxUserConnections == 30 && config.serverIdleTimeout == .zero)
        #expect(config.serverLifetime == .seconds(1_800) && config.serverCheckDelay == .seconds(10))
        #expect(config.serverCheckQuery == "select 1" && config.serverResetQuery == "DEALLOCATE ALL")
        #expect(config.serverResetQueryAlways && config.serverRoundRobin)
        #expect(config.serverLoginRetry == .seconds(2) && config.queryWaitNotify == .zero)
        #expect(config.idleTransactionTimeout == .seconds(30) && config.maxPreparedStatements == 0)
        #expect(config.statsPeriod == .seconds(15))
    }

    @Test(arguments: [
        (
            "[pgbouncer]\npool_mode = transactions",
            "line 2: pool_mode = \"transactions\": use session, transaction or statement"
        ),
        (
            "[pgbouncer]\n\nmax_client_con = 10",
            "line 3: unknown parameter \"max_client_con\" in [pgbouncer]; did you mean max_client_conn?"
        ),
        (
            "[pgbouncer]\nquery_wait_timeout = 5s",
            "line 2: query_wait_timeout = \"5s\": expected seconds as a number, e.g. 5 or 0.5 (pgbouncer.ini durations have no unit)"
        ),
        ("[pgbouncer]\ndefault_pool_size = lots", "line 2: default_pool_size = \"lots\": expected a whole number"),
        ("[pgbouncer]\ndefault_pool_size = 0", "line 2: default_pool_size = \"0\": must be between 1 and 100000"),
        ("[pgbouncer]\nserver_round_robin = maybe", "line 2: server_round_robin = \"maybe\": expected 0 or 1"),
        (
            "pool_mode = session",
            "line 1: \"pool_mode\" is outside any section; put it under [databases] or [pgbouncer]"
        ),
        ("[pgbouncer\npool_mode = session", "line 1: section header \"[pgbouncer\" has no closing \"]\""),
        (
            "[bouncer]",
            "line 1: unknown section [bouncer]; pgbouncer.ini has [databases], [pgbouncer], [users] and [peers]"
        ),
        (
            "[users]\nalice = pool_mode=transaction max_user_conections=3",
            "line 2: [users] alice: unknown key \"max_user_conections\"; PgBouncer 1.25 knows pool_mode, pool_size, "
                + "reserve_pool_size, max_user_connections, transaction_timeout, idle_transaction_timeout, query_timeout, "
                + "client_idle_timeout, max_user_client_connections; did you mean max_user_connections?"
        ),
        (
            "[databases]\napp = dbname=app query_wait_timeout=5",
            "line 2: database \"app\": unknown key \"query_wait_timeout\" (per-database query_wait_timeout came after "
                + "1.25); PgBouncer 1.25 knows dbname, host, port, user, password, auth_user, pool_size, min_pool_size, "
                + "reserve_pool_size, reserve_pool, pool_mode, max_db_connections, server_lifetime, auth_dbname, auth_query, "
                + "client_encoding, datestyle, timezone, max_db_client_connections, load_balance_hosts, connect_query, "
                + "application_name"
        ),
        ("[pgbouncer]\npool_mode", "line 2: expected \"key = value\", got \"pool_mode\""),
        ("[databases]\napp = dbname=app\napp = dbname=other", "line 3: database \"app\" is already defined on line 2"),
        (
            "[databases]\npgbouncer = dbname=x",
            "line 2: the database name \"pgbouncer\" is reserved for the admin console"
        ),
        (
            "[databases]\napp = dbname=app pool_sise=5",
            "line 2: database \"app\": unknown key \"pool_sise\"; PgBouncer 1.25 knows dbname, host, port, user, "
                + "password, auth_user, pool_size, min_pool_size, reserve_pool_size, reserve_pool, pool_mode, "
                + "max_db_connections, server_lifetime, auth_dbname, auth_query, client_encoding, datestyle, timezone, "
                + "max_db_client_connections, load_balance_hosts, connect_query, application_name; did you mean pool_size?"
        ),
        ("[databases]\napp = dbname='app", "line 2: the quoted value of dbname has no closing quote"),
        (
            "[pgbouncer]\nauth_type = scram",
            "line 2: auth_type = \"scram\": use one of any, trust, plain, md5, cert, hba, ldap, pam, scram-sha-256"
        ),
        ("[pgbouncer]\n\ntcp_keepcnt = many", "line 3: tcp_keepcnt = \"many\": expected a whole number"),
        ("[pgbouncer]\nquery_wait_notify = 2.5", "line 2: query_wait_notify = \"2.5\": expected a whole number"),
        (
            "[pgbouncer]\nclient_idle_timeout = 30s",
            "line 2: client_idle_timeout = \"30s\": expected seconds as a number, e.g. 5 or 0.5 (pgbouncer.ini durations have no unit)"
        ),
        (
            "[pgbouncer]\nserver_reset_query = DISCARD EVERYTHING",
            "line 2: server_reset_query = \"DISCARD EVERYTHING\": the world's server does not understand it (ERROR: syntax error at or near \"EVERYTHING\")"
        ),
        ("%include /etc/pgbouncer/more.ini", "line 1: %include is not supported here: paste the included settings in"),
    ])
    func aMistakeNamesItsLine(text: String, expected: String) {
        let error = #expect(throws: ProxyConfigError.self) { try ProxyConfig(ini: text) }
        #expect(error?.description == expected)
    }

    @Test func commentsAndIgnoredSettingsChangeNothing() throws {
        let config = try ProxyConfig(
            ini: """
                # network and logging do not exist in the world
                [pgbouncer]
                listen_addr = *
                logfile = /var/log/pgbouncer.log
                ; a comment
                [databases]
                """)
        var expected = ProxyConfig()
        expected.databases = []
        expected.unsimulated = ["listen_addr": "*", "logfile": "/var/log/pgbouncer.log"]
        #expect(config == expected)
    }

    @Test func everyParameterOfPgBouncer125IsAcceptedAndShownByShowConfig() throws {
        // A file setting every parameter to its default reads, and SHOW CONFIG gives each back in upstream's order.
        let lines = ProxyParameter.all.map { "\($0.name) = \($0.defaultValue)" }
        let config = try ProxyConfig(ini: "[pgbouncer]\n" + lines.joined(separator: "\n"))
        let table = config.showConfig
        #expect(table.columns == ["key", "value", "default", "changeable"])
        #expect(table.rows.map { $0[0] } == ProxyParameter.all.map(\.name))
        #expect(table.rows.map { $0[0] } == table.rows.map { $0[0] }.sorted(), "SHOW CONFIG is alphabetical")
        #expect(table.rows.allSatisfy { $0[1] == $0[2] }, "every value at its default")
        #expect(ProxyParameter.all.count == 98, "1.25.2 on Linux; service_name is Windows-only")
        #expect(table.rows.first { $0[0] == "listen_port" }?[3] == "no")
        #expect(table.rows.first { $0[0] == "pool_mode" }?[3] == "yes")
    }

    @Test func usersAndPeersSectionsAreAcceptedAsPgBouncer125AcceptsThem() throws {
        let config = try ProxyConfig(
            ini: "[users]\nalice = pool_mode=session max_user_connections=3\n[peers]\n1 = host=/tmp port=6433\n")
        #expect(
            config.unsimulatedEntries == [
                "[users] alice = pool_mode=session max_user_connections=3", "[peers] 1 = host=/tmp port=6433",
            ])
    }

    @Test func unsimulatedParametersKeepTheirValueAndAreNamed() throws {
        let config = try ProxyConfig(ini: "[pgbouncer]\nclient_idle_timeout = 30\nauth_type = scram-sha-256")
        let table = config.showConfig
        #expect(table.rows.first { $0[0] == "client_idle_timeout" }?[1] == "30")
        #expect(table.rows.first { $0[0] == "auth_type" }?[1] == "scram-sha-256")
        #expect(ProxyConfig.unsimulatedParameters.contains("client_idle_timeout"))
        #expect(!ProxyConfig.unsimulatedParameters.contains("default_pool_size"))
        var changed = config
        try changed.set(parameter: "DEFAULT_POOL_SIZE", to: "7")
        #expect(changed.defaultPoolSize == 7 && changed.value(of: "default_pool_size") == "7")
        #expect(throws: ProxyConfigError(line: nil, "default_pool_size = \"0\": must be between 1 and 100000")) {
            try changed.set(parameter: "default_pool_size", to: "0")
        }
    }

    @Test func problemsAreFullSentences() {
        var config = ProxyConfig()
        config.maxClientConn = 0
        config.queryWaitTimeout = .seconds(-1)
        config.databases = [.init(name: "app"), .init(name: "app")]
        #expect(
            config.problems == [
                "max_client_conn must be at least 1, got 0", "query_wait_timeout must be 0 or more, got -1s",
                "database \"app\" is listed twice",
            ])
    }
}
