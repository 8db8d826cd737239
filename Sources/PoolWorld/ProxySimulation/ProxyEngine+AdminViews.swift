/// `SHOW CLIENTS`, `SHOW SERVERS` and `SHOW DATABASES` with PgBouncer 1.25's columns in its order
/// (`socket_header` and `admin_show_databases` in src/admin.c).
///
/// The world has no sockets, so the socket columns say what they would on loopback: clients come from
/// 127.0.0.1 to `listen_port`, servers are reached at 127.0.0.1:5432. `ptr` and `link` are the world's names
/// for the connection and the one it is linked to (`alice`, `s1`) where PgBouncer prints memory addresses;
/// times are the virtual clock on a fixed day, 2026-01-01 UTC.
extension ProxyEngine {
    static let socketColumns = [
        "type", "user", "database", "replication", "state", "addr", "port", "local_addr", "local_port",
        "connect_time", "request_time", "wait", "wait_us", "close_needed", "ptr", "link", "remote_pid", "tls",
        "application_name", "prepared_statements", "id",
    ]

    static let databaseColumns = [
        "name", "host", "port", "database", "force_user", "pool_size", "min_pool_size", "reserve_pool_size",
        "server_lifetime", "pool_mode", "load_balance_hosts", "max_connections", "current_connections",
        "max_client_connections", "current_client_connections", "paused", "disabled",
    ]

    /// `2026-01-01 00:00:02 UTC` for a virtual instant, as PgBouncer prints its timestamps.
    static func timestamp(_ nanoseconds: Int64) -> String {
        let seconds = max(0, nanoseconds / 1_000_000_000)
        func two(_ value: Int64) -> String { value < 10 ? "0\(value)" : "\(value)" }
        let day = 1 + seconds / 86_400
        return "2026-01-\(two(day)) \(two(seconds / 3_600 % 24)):\(two(seconds / 60 % 60)):\(two(seconds % 60)) UTC"
    }

    /// `SHOW CLIENTS`: per pool, clients linked or idle (`active`, shown `idle` when unlinked), then waiting.
    var showClients: AdminTable {
        var rows: [[String]] = []
        for pool in 0..<proxy.poolCount {
            for wanted in [ProxyClient.State.active, .waiting] {
                for index in proxy.clients.indices
                where proxy.clients[index].pool == Int32(pool) && proxy.clients[index].state == wanted {
                    rows.append(clientRow(index))
                }
            }
        }
        return AdminTable(columns: Self.socketColumns, rows: rows)
    }

    private func clientRow(_ index: Int) -> [String] {
        let seen = proxy.clients[index]
        let record = index < clients.count ? clients[index] : ClientRecord()
        let waiting = seen.state == .waiting
        let waited = waiting ? max(0, now - seen.waitingSince) : 0
        let state = waiting ? "waiting" : (seen.server == nil ? "idle" : "active")
        let pool = proxy.poolName(seen.pool)
        return [
            "C", pool.user, pool.database, "none", state, "127.0.0.1", "\(50_000 + index)", "127.0.0.1",
            "\(proxy.config.listenPort)", Self.timestamp(seen.connectedAt), Self.timestamp(seen.queryStart),
            "\(waited / 1_000_000_000)", "\(waited % 1_000_000_000 / 1_000)", "0", record.name,
            seen.server.map(serverName) ?? "", "0", "", record.parameters["application_name"] ?? "",
            "\(record.prepared.count)", "\(index)",
        ]
    }

    /// `SHOW SERVERS`: per pool, servers linked to a client, idle, used, tested, then logging in (`new`).
    var showServers: AdminTable {
        var rows: [[String]] = []
        for pool in 0..<proxy.poolCount {
            let checkDelay = proxy.config.serverCheckDelay.nanoseconds
            for wanted in ["active", "idle", "used", "tested", "new"] {
                for index in proxy.servers.indices where proxy.servers[index].pool == Int32(pool) {
                    let seen = proxy.servers[index]
                    let state: String
                    switch seen.state {
                    case .active: state = "active"
                    case .idle: state = now - seen.idleSince > checkDelay ? "used" : "idle"
                    case .tested: state = "tested"
                    case .login: state = "new"
                    case .unused, .closed: continue
                    }
                    if state == wanted { rows.append(serverRow(index, state: state)) }
                }
            }
        }
        return AdminTable(columns: Self.socketColumns, rows: rows)
    }

    private func serverRow(_ index: Int, state: String) -> [String] {
        let seen = proxy.servers[index]
        let pool = proxy.poolName(seen.pool)
        let record = index < servers.count ? servers[index] : ServerRecord()
        let backend = database.backend(record.backend)
        let prepared = backend.map { $0.session.preparedStatements.count } ?? 0
        return [
            "S", pool.user, pool.database, "none", state, "127.0.0.1", "5432", "127.0.0.1", "\(40_000 + index)",
            Self.timestamp(seen.openedAt), Self.timestamp(seen.idleSince), "0", "0", "0", "s\(index)",
            seen.client.map(clientName) ?? "", "\(backend?.pid ?? 0)", "",
            backend?.session.settings["application_name"] ?? "",
            "\(prepared)", "\(index)",
        ]
    }

    /// `SHOW DATABASES`: the `[databases]` entries and the admin console's own `pgbouncer`, by name.
    var showDatabases: AdminTable {
        let config = proxy.config
        var rows: [[String]] = [
            [
                "pgbouncer", "", "\(config.listenPort)", "pgbouncer", "pgbouncer", "2", "0", "0",
                "\(Int(config.serverLifetime.seconds))", "statement", "", "0", "0", "0", "0", "0", "0",
            ]
        ]
        for entry in config.databases {
            var servers = 0
            var clientCount = 0
            for pool in 0..<proxy.poolCount where proxy.poolName(Int32(pool)).database == entry.name {
                servers += proxy.pools[pool].servers
                clientCount += proxy.pools[pool].clients
            }
            rows.append([
                entry.name, entry.host ?? "", "\(entry.port)", entry.dbname ?? entry.name, entry.user ?? "",
                "\(entry.poolSize ?? config.defaultPoolSize)", "\(entry.minPoolSize ?? config.minPoolSize)",
                "\(entry.reservePoolSize ?? config.reservePoolSize)",
                "\(Int((entry.serverLifetime ?? config.serverLifetime).seconds))", entry.poolMode?.rawValue ?? "", "",
                "\(entry.maxDBConnections ?? config.maxDBConnections)", "\(servers)",
                entry.unsimulated["max_db_client_connections"] ?? config.value(of: "max_db_client_connections") ?? "0",
                "\(clientCount)", "0", "0",
            ])
        }
        return AdminTable(columns: Self.databaseColumns, rows: rows.sorted { $0[0] < $1[0] })
    }
}
