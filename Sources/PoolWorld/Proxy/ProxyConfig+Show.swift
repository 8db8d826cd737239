extension ProxyConfig {
    /// The value of `[pgbouncer]` parameter `name` as `SHOW CONFIG` prints it, or nil for an unknown name.
    public func value(of name: String) -> String? {
        guard let parameter = ProxyParameter.named(name.lowercased()) else { return nil }
        func seconds(_ duration: SimDuration) -> String { DurationFormat.number(duration.seconds) }
        func flag(_ on: Bool) -> String { on ? "1" : "0" }
        switch parameter.name {
        case "pool_mode": return poolMode.rawValue
        case "max_client_conn": return "\(maxClientConn)"
        case "default_pool_size": return "\(defaultPoolSize)"
        case "min_pool_size": return "\(minPoolSize)"
        case "reserve_pool_size": return "\(reservePoolSize)"
        case "reserve_pool_timeout": return seconds(reservePoolTimeout)
        case "max_db_connections": return "\(maxDBConnections)"
        case "max_user_connections": return "\(maxUserConnections)"
        case "server_idle_timeout": return seconds(serverIdleTimeout)
        case "server_lifetime": return seconds(serverLifetime)
        case "server_check_delay": return seconds(serverCheckDelay)
        case "server_check_query": return serverCheckQuery
        case "server_reset_query": return serverResetQuery
        case "server_reset_query_always": return flag(serverResetQueryAlways)
        case "server_round_robin": return flag(serverRoundRobin)
        case "server_login_retry": return seconds(serverLoginRetry)
        case "query_wait_timeout": return seconds(queryWaitTimeout)
        case "query_wait_notify": return seconds(queryWaitNotify)
        case "idle_transaction_timeout": return seconds(idleTransactionTimeout)
        case "max_prepared_statements": return "\(maxPreparedStatements)"
        case "stats_period": return seconds(statsPeriod)
        case "listen_port": return "\(listenPort)"
        default: return unsimulated[parameter.name] ?? parameter.defaultValue
        }
    }

    /// `SHOW CONFIG` as PgBouncer 1.25 prints it: `key, value, default, changeable`, one row per parameter.
    public var showConfig: AdminTable {
        AdminTable(
            columns: ["key", "value", "default", "changeable"],
            rows: ProxyParameter.all.map { parameter in
                [
                    parameter.name, value(of: parameter.name) ?? "", parameter.defaultValue,
                    parameter.changeable ? "yes" : "no",
                ]
            })
    }

    /// The parameters the world accepts but does not simulate: they change nothing here.
    public static var unsimulatedParameters: [String] { ProxyParameter.all.filter { !$0.simulated }.map(\.name) }
}
