extension ProxyConfig {
    /// Reads a configuration in pgbouncer.ini syntax: `[databases]` and `[pgbouncer]` sections, `key = value`
    /// lines, `;` or `#` comments.
    ///
    /// Every parameter PgBouncer 1.25 accepts is accepted (`ProxyParameter.all`), its value checked by kind;
    /// the simulated ones change the world, the others (sockets, authentication, TLS, logging, timeouts the
    /// world does not model) are kept and listed by `SHOW CONFIG`, and `ProxyConfig.unsimulatedSettings` names
    /// those set away from their default.
    /// - Throws: `ProxyConfigError` naming the line, e.g. `line 4: unknown parameter "max_client_con"; did you
    ///   mean max_client_conn?`.
    public init(ini text: String) throws(ProxyConfigError) {
        self.init()
        databases = []
        var section: String?
        var databaseLines: [String: Int] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1
            let line = String(raw).trimmingWhitespace()
            if line.isEmpty || line.hasPrefix(";") || line.hasPrefix("#") { continue }
            if line.hasPrefix("[") {
                section = try Self.section(line, number)
                continue
            }
            if line.hasPrefix("%include") {
                throw ProxyConfigError(line: number, "%include is not supported here: paste the included settings in")
            }
            guard let equals = line.firstIndex(of: "=") else {
                throw ProxyConfigError(line: number, "expected \"key = value\", got \"\(line)\"")
            }
            let key = String(line[..<equals]).trimmingWhitespace()
            let value = String(line[line.index(after: equals)...]).trimmingWhitespace()
            guard !key.isEmpty else { throw ProxyConfigError(line: number, "a setting needs a name before \"=\"") }
            switch section {
            case "databases":
                if let first = databaseLines[key] {
                    throw ProxyConfigError(line: number, "database \"\(key)\" is already defined on line \(first)")
                }
                databaseLines[key] = number
                databases.append(try Self.database(key, value, number))
            case "pgbouncer":
                try set(key.lowercased(), value, line: number)
            case "users", "peers":
                try Self.checkEntry(section: section ?? "", key, value, number)
                unsimulatedEntries.append("[\(section ?? "")] \(key) = \(value)")
            default:
                throw ProxyConfigError(
                    line: number, "\"\(key)\" is outside any section; put it under [databases] or [pgbouncer]")
            }
        }
        // Every value was checked on its own line; what is left concerns the file as a whole.
        if let problem = problems.first { throw ProxyConfigError(line: nil, problem) }
    }

    private static func section(_ line: String, _ number: Int) throws(ProxyConfigError) -> String {
        guard line.hasSuffix("]") else {
            throw ProxyConfigError(line: number, "section header \"\(line)\" has no closing \"]\"")
        }
        let name = String(line.dropFirst().dropLast()).trimmingWhitespace().lowercased()
        switch name {
        case "databases", "pgbouncer", "users", "peers":
            return name
        default:
            throw ProxyConfigError(
                line: number,
                "unknown section [\(name)]; pgbouncer.ini has [databases], [pgbouncer], [users] and [peers]")
        }
    }

    // MARK: [databases]

    /// Keys of a `[databases]` connection string that the world uses.
    static let databaseKeys = [
        "dbname", "host", "port", "user", "password", "auth_user", "pool_size", "min_pool_size", "reserve_pool_size",
        "reserve_pool", "pool_mode", "max_db_connections", "server_lifetime",
    ]

    private static func database(_ name: String, _ value: String, _ number: Int) throws(ProxyConfigError) -> Database {
        if name == "pgbouncer" {
            throw ProxyConfigError(line: number, "the database name \"pgbouncer\" is reserved for the admin console")
        }
        var entry = Database(name: name)
        for (key, raw) in try connectionString(value, number) {
            let field = IniField(name: "\(name): \(key)", value: raw, line: number)
            switch key {
            case "dbname": entry.dbname = raw
            case "host": entry.host = raw
            case "port": entry.port = try field.integer(in: 1...65_535)
            case "user": entry.user = raw
            case "password", "auth_user": break
            case "pool_size": entry.poolSize = try field.integer(in: 1...100_000)
            case "min_pool_size": entry.minPoolSize = try field.integer(in: 0...100_000)
            case "reserve_pool_size", "reserve_pool": entry.reservePoolSize = try field.integer(in: 0...100_000)
            case "pool_mode": entry.poolMode = try field.poolMode()
            case "max_db_connections": entry.maxDBConnections = try field.integer(in: 0...1_000_000)
            case "server_lifetime": entry.serverLifetime = try field.seconds()
            default:
                if unsimulatedDatabaseKeys.contains(key) {
                    entry.unsimulated[key] = raw
                    continue
                }
                let known = databaseKeys + unsimulatedDatabaseKeys
                let later = key == "query_wait_timeout" ? " (per-database query_wait_timeout came after 1.25)" : ""
                throw ProxyConfigError(
                    line: number,
                    "database \"\(name)\": unknown key \"\(key)\"\(later); PgBouncer 1.25 knows "
                        + known.joined(separator: ", ") + suggestion(key, known))
            }
        }
        return entry
    }

    /// Splits `host=db port=5432 dbname='my db'` into pairs, keeping quoted values whole.
    private static func connectionString(_ text: String, _ number: Int) throws(ProxyConfigError) -> [(String, String)] {
        var pairs: [(String, String)] = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard !rest.isEmpty else { return pairs }
            guard let equals = rest.firstIndex(of: "=") else {
                throw ProxyConfigError(line: number, "expected key=value in the connection string, got \"\(rest)\"")
            }
            let key = String(rest[..<equals]).trimmingWhitespace().lowercased()
            guard !key.isEmpty, !key.contains(" ") else {
                throw ProxyConfigError(line: number, "expected key=value in the connection string, got \"\(rest)\"")
            }
            rest = rest[rest.index(after: equals)...].drop { $0 == " " }
            let value: String
            if rest.first == "'" {
                let body = rest.dropFirst()
                guard let close = body.firstIndex(of: "'") else {
                    throw ProxyConfigError(line: number, "the quoted value of \(key) has no closing quote")
                }
                value = String(body[..<close])
                rest = body[body.index(after: close)...]
            } else {
                let end = rest.firstIndex { $0 == " " || $0 == "\t" } ?? rest.endIndex
                value = String(rest[..<end])
                rest = rest[end...]
            }
            pairs.append((key, value))
        }
    }

    // MARK: [pgbouncer]

    /// Parameters the world simulates.
    static let simulatedKeys = [
        "pool_mode", "max_client_conn", "default_pool_size", "min_pool_size", "reserve_pool_size",
        "reserve_pool_timeout", "max_db_connections", "max_user_connections", "server_idle_timeout", "server_lifetime",
        "server_check_delay", "server_check_query", "server_reset_query", "server_reset_query_always",
        "server_round_robin", "server_login_retry", "query_wait_timeout", "query_wait_notify",
        "idle_transaction_timeout", "max_prepared_statements", "stats_period", "listen_port",
    ]

    /// Sets one `[pgbouncer]` parameter, as a line of pgbouncer.ini would (a `SET key = value` on the admin
    /// console, or the lab's `config key=value`).
    /// - Throws: `ProxyConfigError` without a line, naming the parameter and what it accepts.
    public mutating func set(parameter key: String, to value: String) throws(ProxyConfigError) {
        try set(key.lowercased(), value, line: nil)
    }

    private mutating func set(_ key: String, _ value: String, line: Int?) throws(ProxyConfigError) {
        let field = IniField(name: key, value: value, line: line)
        switch key {
        case "pool_mode": poolMode = try field.poolMode()
        case "max_client_conn": maxClientConn = try field.integer(in: 1...10_000_000)
        case "default_pool_size": defaultPoolSize = try field.integer(in: 1...100_000)
        case "min_pool_size": minPoolSize = try field.integer(in: 0...100_000)
        case "reserve_pool_size": reservePoolSize = try field.integer(in: 0...100_000)
        case "reserve_pool_timeout": reservePoolTimeout = try field.seconds()
        case "max_db_connections": maxDBConnections = try field.integer(in: 0...1_000_000)
        case "max_user_connections": maxUserConnections = try field.integer(in: 0...1_000_000)
        case "server_idle_timeout": serverIdleTimeout = try field.seconds()
        case "server_lifetime": serverLifetime = try field.seconds()
        case "server_check_delay": serverCheckDelay = try field.seconds()
        case "server_check_query": serverCheckQuery = try field.statement(allowing: ["", "<empty>"])
        case "server_reset_query": serverResetQuery = try field.statement(allowing: [""])
        case "server_reset_query_always": serverResetQueryAlways = try field.boolean()
        case "server_round_robin": serverRoundRobin = try field.boolean()
        case "server_login_retry": serverLoginRetry = try field.seconds()
        case "query_wait_timeout": queryWaitTimeout = try field.seconds()
        case "query_wait_notify": queryWaitNotify = .seconds(Double(try field.integer(in: 0...100_000_000)))
        case "idle_transaction_timeout": idleTransactionTimeout = try field.seconds()
        case "max_prepared_statements": maxPreparedStatements = try field.integer(in: 0...1_000_000)
        case "stats_period": statsPeriod = try field.seconds(minimum: 1)
        case "listen_port": listenPort = try field.integer(in: 1...65_535)
        default:
            guard let parameter = ProxyParameter.named(key) else {
                throw ProxyConfigError(
                    line: line,
                    "unknown parameter \"\(key)\" in [pgbouncer]" + Self.suggestion(key, ProxyParameter.all.map(\.name))
                )
            }
            // Accepted as PgBouncer 1.25 accepts it, checked by kind, and shown by SHOW CONFIG as not simulated.
            switch parameter.kind {
            case .integer: _ = try field.integer(in: Int.min...Int.max)
            case .seconds: _ = try field.seconds()
            case .choice(let options):
                guard options.contains(value.lowercased()) else {
                    throw field.fail("use one of " + options.joined(separator: ", "))
                }
            case .text: break
            }
            unsimulated[key] = value
        }
    }

    /// `; did you mean max_client_conn?` when a known name is a few edits away, else nothing.
    static func suggestion(_ key: String, _ known: [String]) -> String {
        var best: (name: String, distance: Int)?
        for name in known.sorted() {
            let distance = editDistance(key, name)
            if distance <= max(2, key.count / 4), distance < (best?.distance ?? .max) { best = (name, distance) }
        }
        return best.map { "; did you mean \($0.name)?" } ?? ""
    }

    /// Levenshtein distance, for suggestions.
    static func editDistance(_ left: String, _ right: String) -> Int {
        let a = Array(left)
        let b = Array(right)
        guard !a.isEmpty, !b.isEmpty else { return max(a.count, b.count) }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}

/// One `key = value` of pgbouncer.ini, read as the type its key needs.
private struct IniField {
    var name: String
    var value: String
    var line: Int?

    func fail(_ expectation: String) -> ProxyConfigError {
        ProxyConfigError(line: line, "\(name) = \"\(value)\": \(expectation)")
    }

    func integer(in range: ClosedRange<Int>) throws(ProxyConfigError) -> Int {
        guard let number = Int(value) else { throw fail("expected a whole number") }
        guard range.contains(number) else {
            throw fail("must be between \(range.lowerBound) and \(range.upperBound)")
        }
        return number
    }

    /// pgbouncer.ini writes durations as seconds, fractions allowed, without a unit.
    func seconds(minimum: Double = 0) throws(ProxyConfigError) -> SimDuration {
        guard let number = Double(value), number.isFinite else {
            throw fail("expected seconds as a number, e.g. 5 or 0.5 (pgbouncer.ini durations have no unit)")
        }
        guard number >= minimum else { throw fail("must be at least \(DurationFormat.number(minimum))") }
        return .seconds(number)
    }

    func boolean() throws(ProxyConfigError) -> Bool {
        switch value.lowercased() {
        case "1", "yes", "on", "true": return true
        case "0", "no", "off", "false": return false
        default: throw fail("expected 0 or 1")
        }
    }

    func poolMode() throws(ProxyConfigError) -> PoolMode {
        guard let mode = PoolMode(rawValue: value.lowercased()) else {
            throw fail("use session, transaction or statement")
        }
        return mode
    }

    /// A query setting: one statement of the world's dialect, or one of the special values.
    func statement(allowing special: Set<String>) throws(ProxyConfigError) -> String {
        var text = value
        if text.count >= 2, text.hasPrefix("'"), text.hasSuffix("'") { text = String(text.dropFirst().dropLast()) }
        if special.contains(text) { return text }
        do {
            _ = try SQLStatement(parsing: text)
        } catch {
            throw fail("the world's server does not understand it (\(error))")
        }
        return text
    }
}
