extension ProxyConfig {
    /// `[databases]` keys PgBouncer 1.25 accepts that the world does not simulate (`parse_database` in
    /// src/loader.c): server-side startup parameters, authentication, client limits, load balancing.
    static let unsimulatedDatabaseKeys = [
        "auth_dbname", "auth_query", "client_encoding", "datestyle", "timezone", "max_db_client_connections",
        "load_balance_hosts", "connect_query", "application_name",
    ]

    /// Keys of a `[users]` line (`parse_user` in src/loader.c) and of a `[peers]` line (`parse_peer`).
    static let entryKeys: [String: [String]] = [
        "users": [
            "pool_mode", "pool_size", "reserve_pool_size", "max_user_connections", "transaction_timeout",
            "idle_transaction_timeout", "query_timeout", "client_idle_timeout", "max_user_client_connections",
        ],
        "peers": ["host", "port", "pool_size"],
    ]

    /// Checks a `[users]` or `[peers]` line's keys as PgBouncer 1.25 would; the world does not simulate them.
    static func checkEntry(section: String, _ name: String, _ value: String, _ number: Int) throws(ProxyConfigError) {
        let known = entryKeys[section] ?? []
        var rest = Substring(value)
        while let equals = rest.firstIndex(of: "=") {
            let key = String(rest[..<equals]).trimmingWhitespace().lowercased()
            guard known.contains(key) else {
                throw ProxyConfigError(
                    line: number,
                    "[\(section)] \(name): unknown key \"\(key)\"; PgBouncer 1.25 knows "
                        + known.joined(separator: ", ") + suggestion(key, known))
            }
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            let end = rest.firstIndex { $0 == " " || $0 == "\t" } ?? rest.endIndex
            rest = rest[end...]
        }
        guard rest.allSatisfy({ $0 == " " || $0 == "\t" }) else {
            throw ProxyConfigError(line: number, "[\(section)] \(name): expected key=value pairs, got \"\(value)\"")
        }
    }
}
