/// A world with PgBouncer in it, driven one command at a time: what the lab in the shell runs on.
///
/// Clients named by the learner connect to the proxy, send SQL and disconnect; the clock moves only when
/// asked (`advance(by:)`) or while a query waits for its answer. Every command returns the events it caused,
/// one line each, e.g. `t=0.004s alice on s1: SET statement_timeout = 5ms → SET (120us)`. `SHOW POOLS` and
/// `SHOW STATS` are available at any moment. A scenario's workload, if it has one, runs in the background.
///
/// Besides SQL, `send` and `query` understand psql's extended-protocol commands: `SELECT 1 \parse s1` prepares
/// a named statement at protocol level and `\bind_named s1 \g` executes it, which is how the feature map's
/// "protocol-level prepared plans" row is tried.
///
/// Not thread-safe: one caller drives it, like a REPL.
public final class ProxyWorld {
    var engine: ProxyEngine
    private var names: [String: ClientID] = [:]
    private var shown = TraceCursor()

    /// A world running `scenario` (its workload in the background, if it has one).
    public init(scenario: ProxyScenario) {
        engine = ProxyEngine(scenario: scenario, lab: true)
        engine.run(until: 0)
        _ = shown.newEvents(in: engine.traceLog)
    }

    /// A world with the proxy configured by `config` in front of a database configured by `database`, and no
    /// background workload.
    public convenience init(
        config: ProxyConfig = ProxyConfig(), database: DatabaseConfig = DatabaseConfig(), seed: UInt64 = 1
    ) {
        var scenario = ProxyScenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        scenario.proxy = config
        scenario.database = database
        scenario.seed = seed
        self.init(scenario: scenario)
    }

    /// A world with the proxy configured by a pgbouncer.ini text.
    /// - Throws: `ProxyConfigError` naming the line of the first problem.
    public convenience init(ini: String, database: DatabaseConfig = DatabaseConfig(), seed: UInt64 = 1)
        throws(ProxyConfigError)
    {
        self.init(config: try ProxyConfig(ini: ini), database: database, seed: seed)
    }

    // MARK: Looking

    /// The current virtual time.
    public var now: SimInstant { SimInstant(nanoseconds: engine.now) }

    /// Everything that has happened so far.
    public var trace: [TraceEvent] { engine.traceLog.events }

    /// The proxy's configuration.
    public var config: ProxyConfig { engine.scenario.proxy }

    /// The database's gauges.
    public var database: DatabaseStats { engine.database.stats }

    /// Broken contracts found so far (the world always checks while it runs).
    public var violations: [InvariantViolation] { engine.violations }

    /// `SHOW POOLS` now.
    public func showPools() -> [ShowPoolsRow] { engine.showPools }

    /// `SHOW STATS` now.
    public func showStats() -> [ShowStatsRow] { engine.proxy.showStats }

    /// The admin console's views the world has, as `SHOW` takes them.
    public static let adminViews = ["pools", "stats", "clients", "servers", "databases", "config"]

    /// An admin console command, `SHOW POOLS`, `SHOW STATS`, … (case-insensitive, `;` optional), as a table
    /// with PgBouncer 1.25's columns in its order.
    public func admin(_ command: String) throws(InputError) -> AdminTable {
        var text = command.trimmingWhitespace().uppercased()
        while text.hasSuffix(";") { text = String(text.dropLast()).trimmingWhitespace() }
        switch text.split(separator: " ").joined(separator: " ") {
        case "SHOW POOLS": return ShowPoolsRow.table(showPools())
        case "SHOW STATS": return ShowStatsRow.table(showStats())
        case "SHOW CLIENTS": return engine.showClients
        case "SHOW SERVERS": return engine.showServers
        case "SHOW DATABASES": return engine.showDatabases
        case "SHOW CONFIG": return config.showConfig
        default:
            throw InputError(
                "the admin console here knows "
                    + Self.adminViews.map { "SHOW " + $0.uppercased() }.joined(separator: ", ")
                    + ", not \"\(command)\"")
        }
    }

    /// Server connections open now and whom each serves: `s1 → alice`, `s2 idle`.
    public var serverSummary: [(name: String, client: String?)] {
        engine.servers.indices.filter { engine.servers[$0].state == .open }.map { index in
            ("s\(index)", engine.servers[index].client.map(engine.clientName))
        }
    }

    /// The server connection `client` is linked to now (`s1`), if any.
    public func server(of client: String) -> String? {
        guard let id = names[client], engine.clients[Int(id.rawValue)].state == .connected else { return nil }
        return engine.clients[Int(id.rawValue)].server?.description
    }

    /// The session state on the server connection `client` holds now.
    public func session(of client: String) throws(InputError) -> SessionState {
        _ = try connected(client)
        guard let server = server(of: client) else {
            throw InputError(
                "\"\(client)\" holds no server connection now; in transaction mode it has one only inside a transaction"
            )
        }
        return try session(ofServer: server)
    }

    /// The session state on server connection `server` (`s1`): what the next client there would inherit.
    public func session(ofServer server: String) throws(InputError) -> SessionState {
        let open = serverSummary.map(\.name)
        guard server.hasPrefix("s"), let number = Int(server.dropFirst()), open.contains(server),
            let record = engine.database.backend(engine.servers[number].backend)
        else {
            throw InputError(
                "no open server connection named \"\(server)\"; open ones: "
                    + (open.isEmpty ? "none" : open.joined(separator: ", ")))
        }
        return record.session
    }

    /// The result of the last message `client` sent, once answered.
    public func lastResult(of client: String) -> StatementResult? {
        names[client].flatMap { engine.clients[Int($0.rawValue)].lastResult }
    }

    /// NOTICEs and notifications `client` has received, oldest first.
    public func notices(of client: String) -> [String] {
        names[client].map { engine.clients[Int($0.rawValue)].notices } ?? []
    }

    /// Why the proxy closed `client`, if it did.
    public func closedWith(_ client: String) -> DatabaseError? {
        names[client].flatMap { engine.clients[Int($0.rawValue)].closedWith }
    }

    // MARK: Commands

    /// `name` logs in to `database` (the first `[databases]` entry if nil) as `user`, with startup parameters
    /// (`application_name`, `TimeZone`, …) that PgBouncer keeps for it.
    public func connect(
        _ name: String, database: String? = nil, user: String = "app", parameters: [String: String] = [:]
    ) throws(InputError) -> [TraceEvent] {
        guard !name.isEmpty, !name.contains(" "), !name.contains(".") else {
            throw InputError("a client needs a one-word name without dots, e.g. connect alice")
        }
        if let client = names[name], engine.clients[Int(client.rawValue)].state == .connected {
            throw InputError("\"\(name)\" is already connected; disconnect it first or choose another name")
        }
        let target = database ?? config.databases.first?.name ?? "app"
        var lowered: [String: String] = [:]
        for (key, value) in parameters { lowered[key.lowercased()] = value }
        let client = engine.connectClient(name: name, database: target, user: user, parameters: lowered)
        names[name] = client
        // The clock runs through the login (`ProxyScenario.clientLogin`) until the proxy accepts or refuses.
        let deadline = engine.now + SimDuration.seconds(1).nanoseconds
        while engine.clients[Int(client.rawValue)].state == .unused, engine.runNextEvent(before: deadline) {}
        return settle()
    }

    /// `name` sends `sql` and the world runs only what happens at this instant: if the client has to wait for a
    /// server connection, it is left waiting; `advance(by:)` moves on.
    public func send(_ name: String, _ sql: String) throws(InputError) -> [TraceEvent] {
        let client = try connected(name)
        guard engine.clients[Int(client.rawValue)].message == nil else {
            throw InputError("\"\(name)\" is still waiting for the answer to its last query; advance the clock")
        }
        switch Self.message(sql) {
        case .success(let message):
            engine.send(message, from: client)
        case .failure(let error):
            // The server would answer a malformed statement with this error; the lab answers without a round trip.
            engine.clients[Int(client.rawValue)].lastResult = StatementResult(.failure(error))
            engine.note(
                .statement(request: name, connection: "pgbouncer", sql: sql, result: error.description, took: .zero))
        }
        return settle()
    }

    /// `name` sends `sql` and the clock runs until the answer arrives (at most `limit`: a client may queue until
    /// `query_wait_timeout`, or block on a lock for ever).
    public func query(_ name: String, _ sql: String, limit: SimDuration = .minutes(60)) throws(InputError)
        -> [TraceEvent]
    {
        try send(name, sql) + awaitAnswer(name, limit: limit)
    }

    /// Runs the clock until `name`'s outstanding query is answered (at most `limit`); nothing happens if it
    /// has none.
    public func awaitAnswer(_ name: String, limit: SimDuration = .minutes(60)) throws(InputError) -> [TraceEvent] {
        guard let client = names[name] else { _ = try connected(name); return [] }
        let deadline = engine.now + limit.nanoseconds
        while engine.clients[Int(client.rawValue)].message != nil, engine.runNextEvent(before: deadline) {}
        return settle()
    }

    /// `name` closes its connection.
    public func disconnect(_ name: String) throws(InputError) -> [TraceEvent] {
        engine.disconnectClient(try connected(name))
        return settle()
    }

    /// Moves the clock forward by `duration`, running everything that happens meanwhile.
    public func advance(by duration: SimDuration) throws(InputError) -> [TraceEvent] {
        try engine.advanceClock(by: duration)
        return settle()
    }

    /// Injects a fault; `killConnection` names a server connection (`s1`).
    public func inject(_ fault: Fault) throws(InputError) -> [TraceEvent] {
        if let problem = engine.inject(fault) { throw InputError(problem) }
        return settle()
    }

    // MARK: Helpers

    /// Reads what a client typed: SQL, or psql's `QUERY \parse NAME` and `\bind_named NAME [\g]`.
    static func message(_ text: String) -> Result<ClientMessage, DatabaseError> {
        let trimmed = text.trimmingWhitespace()
        let words = trimmed.split(separator: " ").map(String.init)
        if let marker = words.firstIndex(of: "\\parse") {
            guard marker + 1 < words.count, marker > 0 else { return .failure(.syntaxError(near: "\\parse")) }
            let name = SQLStatement.identifier(words[marker + 1])
            do {
                let statement = try SQLStatement(parsing: words[..<marker].joined(separator: " "))
                return .success(.parse(name: name, statement, text: trimmed))
            } catch {
                return .failure(error)
            }
        }
        if trimmed.hasPrefix("\\bind_named ") {
            let words = trimmed.split(separator: " ").map(String.init).filter { $0 != "\\g" }
            guard words.count >= 2 else { return .failure(.syntaxError(near: "\\bind_named")) }
            return .success(.bindExecute(name: SQLStatement.identifier(words[1]), text: trimmed))
        }
        do {
            return .success(.query(try SQLStatement(parsing: trimmed), text: trimmed))
        } catch {
            return .failure(error)
        }
    }

    /// Runs what happens at the current instant and returns the new trace lines.
    private func settle() -> [TraceEvent] {
        engine.run(until: engine.now)
        return shown.newEvents(in: engine.traceLog)
    }

    private func connected(_ name: String) throws(InputError) -> ClientID {
        guard let client = names[name] else {
            let known = names.keys.sorted()
            let list =
                known.isEmpty
                ? "there are none; start with connect \(name)" : "clients: " + known.joined(separator: ", ")
            throw InputError("no client named \"\(name)\" (\(list))")
        }
        let record = engine.clients[Int(client.rawValue)]
        guard record.state == .connected else {
            let why = record.closedWith.map { "pgbouncer closed it: \($0)" } ?? "it disconnected"
            throw InputError("\"\(name)\" is not connected (\(why)); connect \(name) again to go on")
        }
        return client
    }
}
