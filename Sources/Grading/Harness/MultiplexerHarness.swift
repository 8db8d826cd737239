import PoolWorld

/// One client's move in a graded multiplexer schedule; `client` is a slot (1 to 6) that reconnects as a new
/// client after it disconnects.
enum ClientStep: Hashable, Sendable {
    case send(client: Int, SQLStatement)
    case disconnect(client: Int)
    /// With late replies: the k-th reply on its way (oldest first, modulo their number) arrives.
    case serverAnswers(Int)
}

/// Plays clients and the database for a learner's multiplexer. The servers are real connections of PoolWorld's
/// fake PostgreSQL (a `World`), so every statement runs with PostgreSQL's semantics and the grader reads each
/// server's session state (`SessionState`) to check what the next client would inherit.
struct MultiplexerHarness<Mux: MultiplexerExercise> {
    struct Server {
        var name: String
        var open = true
        /// The client the server is assigned to, as PgBouncer's rules say (nil: free).
        var client: Int?
        var lastClient: Int?
        var inFlight: Int?
        var resetting = false
        /// A client used it since its last reset: session mode (or server_reset_query_always) resets it before
        /// another client gets it.
        var needsReset = false
        /// Its client left inside a transaction: PgBouncer closes such a server.
        var abandoned = false
        /// The multiplexer has heard it is open (`serverOpened`); until then it is on its way.
        var announced = false
    }

    struct Client {
        var id: Int
        var pending: SQLStatement?
        var waitingSince = 0
        var awaiting = false
        var result: StatementResult?
        var closed = false
        var inTransaction = false
    }

    let config: MultiplexerConfig
    var mux: Mux
    let world: World<ServerSide>
    var servers: [Server] = [Server(name: "", open: false)]
    var opening = 0
    var slots: [Int: Client] = [:]
    var nextClient = 0
    var tick = 0
    var events: [MultiplexerEvent] = []
    /// The event being answered, and how many servers its answer opened so far: what justifies an open.
    var event: MultiplexerEvent?
    var opensThisEvent = 0
    /// Servers' replies not yet arrived (with late replies), and whether replies come late at all.
    var delayed: [MultiplexerEvent] = []
    let lateReplies: Bool
    let log = TraceLines()
    let recording: Bool
    var violation: Violation?

    init(config: MultiplexerConfig, recording: Bool, lateReplies: Bool = false) {
        self.config = config
        self.mux = Mux(config: config)
        self.recording = recording
        self.lateReplies = lateReplies
        var scenario = Scenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        scenario.pool = PoolConfig.plain(size: 64)
        world = World(scenario: scenario) { _ in ServerSide() }
    }

    // MARK: Running

    /// Runs the clients' steps, then winds down and checks that every statement was answered.
    mutating func runAndFinish(_ steps: [ClientStep]) {
        run(steps)
        finish()
    }

    mutating func run(_ steps: [ClientStep]) {
        for step in steps where violation == nil {
            switch step {
            case .send(let slot, let statement):
                var client = slots[slot] ?? newClient()
                guard !client.awaiting else { continue }
                if client.closed { client = newClient() }
                tick += 1
                client.pending = statement
                client.waitingSince = tick
                client.awaiting = true
                client.result = nil
                slots[slot] = client
                note("\(world.now) client\(client.id) sends \(statement)")
                deliver(.clientSent(ClientID(client.id), statement))
            case .disconnect(let slot):
                guard let client = slots[slot], !client.awaiting, !client.closed else { continue }
                slots[slot] = nil
                note(
                    "\(world.now) client\(client.id)"
                        + (client.inTransaction ? " disconnects inside a transaction" : " disconnects"))
                if let index = servers.indices.first(where: { servers[$0].client == client.id }) {
                    servers[index].client = nil
                    servers[index].lastClient = client.id
                    servers[index].needsReset = true
                    servers[index].abandoned = session(index).transaction != .idle
                }
                deliver(.clientDisconnected(ClientID(client.id)))
            case .serverAnswers(let k):
                guard !delayed.isEmpty else { continue }
                arrive(delayed.remove(at: k % delayed.count))
            }
        }
    }

    private mutating func finish() {
        // Wind down: late replies arrive, open transactions commit, then everyone leaves; every statement must
        // have been answered.
        for _ in 0..<10 where violation == nil {
            while violation == nil, !delayed.isEmpty { arrive(delayed.removeFirst()) }
            let slotsNow = slots.keys.sorted()
            for slot in slotsNow where violation == nil {
                guard let client = slots[slot], !client.awaiting else { continue }
                if client.closed {
                    slots[slot] = nil
                    continue
                }
                run([client.inTransaction ? .send(client: slot, .commit) : .disconnect(client: slot)])
            }
            if slots.values.allSatisfy({ !$0.awaiting }) && slots.isEmpty { break }
        }
        guard violation == nil else { return }
        if let stuck = slots.values.first(where: { $0.awaiting }) {
            fail(
                "unanswered",
                "client\(stuck.id) sent \(stuck.pending.map { "\($0)" } ?? "a statement") and never got an answer")
        }
    }

    /// A late reply arrives: its server is quiet again, and the multiplexer hears of it.
    private mutating func arrive(_ reply: MultiplexerEvent) {
        guard case .serverReplied(let server, _, _) = reply else { return }
        servers[server.slot].inFlight = nil
        servers[server.slot].resetting = false
        note("\(world.now) \(server)'s reply arrives")
        deliver(reply)
    }

    /// A server whose client left inside a transaction must be closed once the multiplexer has answered.
    mutating func checkAbandoned() {
        guard violation == nil,
            let kept = servers.indices.first(where: { servers[$0].open && servers[$0].abandoned })
        else { return }
        fail(
            "keeps a server in a transaction",
            "client\(servers[kept].lastClient ?? 0) left inside a transaction on s\(kept), and s\(kept) was kept: "
                + "PgBouncer closes a server whose client disconnects mid-transaction (\"client disconnect while "
                + "server was not ready\"); never reset it or hand it on")
    }

    private mutating func newClient() -> Client {
        nextClient += 1
        return Client(id: nextClient)
    }

    /// Delivers an event, carries out the answer, and keeps going while the servers answer.
    mutating func deliver(_ first: MultiplexerEvent) {
        events.append(first)
        while violation == nil, !events.isEmpty {
            let event = events.removeFirst()
            if case .serverOpened(let server) = event, known(server.slot) { servers[server.slot].announced = true }
            self.event = event
            opensThisEvent = 0
            var actions: [MultiplexerAction] = []
            mux.handle(event, into: &actions)
            for action in actions where violation == nil {
                note("    → " + Self.describe(action))
                carryOut(action)
            }
            if violation == nil, events.isEmpty {
                checkIdle()
                checkAbandoned()
            }
        }
    }

    // MARK: Helpers

    func client(_ id: Int) -> (slot: Int, client: Client)? {
        slots.first { $0.value.id == id }.map { ($0.key, $0.value) }
    }

    func session(_ server: Int) -> SessionState {
        (try? world.session(of: servers[server].name)) ?? SessionState()
    }

    func note(_ line: @autoclosure () -> String) {
        if recording { log.lines.append(line()) }
    }

    mutating func fail(_ category: String, _ message: String) {
        guard violation == nil else { return }
        violation = Violation(category: category, message: message)
        note(TraceEvent(time: world.now, kind: .violation(message)).description)
    }

    /// A client waits for a server while one is free, or while there is room to open one and none opens.
    private mutating func checkIdle() {
        guard
            let waiter = slots.values.filter({ waitsForServer($0) }).min(by: { $0.waitingSince < $1.waitingSince })
        else { return }
        if let free = servers.indices.first(where: {
            servers[$0].open && servers[$0].client == nil && servers[$0].inFlight == nil && !servers[$0].resetting
        }) {
            fail("idle while waiting", "client\(waiter.id) waits for a server while \(servers[free].name) is free")
            return
        }
        let open = servers.filter(\.open).count
        if open + opening < config.defaultPoolSize && opening == 0 {
            fail(
                "stalls",
                "client\(waiter.id) waits, only \(open) of \(config.defaultPoolSize) server connections are open, and none "
                    + "is being opened")
        }
    }

    static func describe(_ action: MultiplexerAction) -> String {
        switch action {
        case .openServer: "open a server connection"
        case .forward(let statement, let client, let server): "forward \(client)'s \(statement) to \(server)"
        case .reset(let server): "reset \(server)"
        case .reply(let client, let result): "reply to \(client): \(result.summary)"
        case .closeClient(let client, let error): "close \(client): \(error)"
        case .closeServer(let server): "close \(server)"
        }
    }

    /// A client with a statement that no server has taken yet.
    func waitsForServer(_ client: Client) -> Bool {
        client.awaiting && !client.closed && serverIndex(of: client.id) == nil
            && !servers.contains { $0.inFlight == client.id }
    }

    func serverIndex(of client: Int) -> Int? {
        servers.indices.first { servers[$0].client == client }
    }
}

/// The database side of the multiplexer's servers: every borrow opens a fresh connection, and a connection
/// given back is closed (`shutdown`): the multiplexer keeps its own servers.
struct ServerSide: ConnectionPoolStateMachine {
    var waiting: [RequestID] = []
    var open = 0

    var metrics: PoolMetrics { PoolMetrics(total: open, idle: 0, active: open, waiting: waiting.count, pending: 0) }
    var maximumConnections: Int { 64 }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        switch event {
        case .borrowRequested(let request):
            waiting.append(request)
            actions.append(.openConnection)
        case .connectionOpened(let connection):
            open += 1
            actions.append(.lend(connection, to: waiting.removeFirst()))
        case .connectionReturned(let connection):
            open -= 1
            actions.append(.closeConnection(connection, .shutdown))
        default:
            break
        }
    }
}

extension ClientID {
    /// The client's index in the harness's tables.
    var slot: Int { Int(rawValue) }
}

extension ServerID {
    /// The server's index in the harness's tables (servers are numbered from 1, as they open).
    var slot: Int { Int(rawValue) }
}
