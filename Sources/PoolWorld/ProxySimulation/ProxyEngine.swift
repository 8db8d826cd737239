import DequeModule

/// The simulator of a world with a proxy: one clock, one agenda, the fake database, the proxy state machine,
/// its client and server connections, and the workload's pods.
///
/// It shares the kernel (`SimulationKernel`: agenda, workload, database side, results) with the reference
/// pool's `Engine` and keeps only what a proxy has and a pool has not. Like `Engine`, it talks to the proxy only through `deliver`, which queues events that arise while the proxy's
/// actions are being carried out, so the proxy is never re-entered; and a workload request continues only
/// from the agenda (never from inside a delivery), so requests and the proxy never interleave mid-action.
struct ProxyEngine: SimulationKernel {
    var now: Int64 = 0
    var agenda = Agenda<ProxyEngineEvent>()
    var database: Database
    var proxy: Proxy
    var actions: [ProxyAction] = []
    var delivering = false
    var deferred = Deque<ProxyEvent>()
    var timerGenerations: [ProxyTimer: UInt32] = [:]
    var nextTimerGeneration: UInt32 = 0

    var clients: [ClientRecord] = [ClientRecord()]
    var servers: [ServerRecord] = [ServerRecord()]
    /// The server connection each backend slot belongs to (checked against the backend's generation).
    var backendServers: [Int32: Int32] = [:]
    /// Server-side names PgBouncer gives protocol-level prepared statements, one per distinct statement.
    var internalNames: [SQLStatement: String] = [:]
    /// The error a server connection found dead will report, by server number.
    var lostErrors: [Int32: DatabaseError] = [:]
    var databaseScheduler = DatabaseScheduler()

    // The workload.
    let scenario: ProxyScenario
    var workload: WorkloadDriver
    var pods: [PodBooks]
    var requests: [ProxyRequest] = []
    var freeRequests: [Int32] = []
    var nextRequestNumber: Int32 = 0
    var liveRequests = 0
    var lastProgress: Int64 = 0
    var random: WorldRandom

    // Observing.
    var recorder = ResultsRecorder()
    var series: [SeriesPoint] = []
    var samples: [ProxySample] = []
    let traceLog = TraceLog()
    let tracing: Bool
    let checking: Bool
    var violations: [InvariantViolation] = []
    /// Waiting clients in the order they were queued, per pool (kept only when checking invariants).
    var waitingOrder: [Int32: [ClientID]] = [:]
    var measures = ProxyMeasures()

    /// `lab` records the trace and checks invariants whatever the scenario's options say (the lab always does).
    init(scenario: ProxyScenario, lab: Bool = false) {
        self.scenario = scenario
        database = Database(config: scenario.database)
        proxy = Proxy(config: scenario.proxy)
        workload = WorkloadDriver(scenario.workload, drainLimit: scenario.options.drainLimit)
        pods = (0..<max(1, scenario.pods)).map { PodBooks(name: "app\($0 + 1)") }
        random = WorldRandom(seed: scenario.seed).derived(stream: 1)
        tracing = scenario.options.recordTrace || lab
        checking = scenario.options.checkInvariants || lab
        deliver(.start)
        workload.start(&agenda, &random)
        if let interval = scenario.options.sampleInterval {
            agenda.schedule(.sample, at: interval.nanoseconds)
        }
    }

    mutating func dispatch(_ event: ProxyEngineEvent) {
        switch event {
        case .arrival: openLoopArrival()
        case .burst(let index): burst(index)
        case .clientWake(let client): clientWakes(client)
        case .stepDone(let slot, let token):
            guard requests[Int(slot)].live, requests[Int(slot)].token == token else { return }
            requests[Int(slot)].step += 1
            advance(slot)
        case .retry(let slot, let token):
            guard requests[Int(slot)].live, requests[Int(slot)].token == token else { return }
            beginAttempt(slot)
        case .answered(let slot, let token):
            guard requests[Int(slot)].live, requests[Int(slot)].token == token else { return }
            messageAnswered(slot)
        case .loginDone(let server): loginDone(ServerID(server))
        case .timer(let timer, let generation):
            guard timerGenerations[timer] == generation else { return }
            timerGenerations[timer] = nil
            deliver(.timerFired(timer))
        case .cpu(let generation): cpuTick(generation)
        case .statementDone(let backend, let generation, let statement):
            statementDone(BackendRef(slot: backend, generation: generation), statement)
        case .statementTimeout(let backend, let generation, let statement):
            statementTimedOut(BackendRef(slot: backend, generation: generation), statement)
        case .serverLostOnUse(let server): serverLostOnUse(ServerID(server))
        case .relayed(let client): relayed(ClientID(client))
        case .clientLogin(let client):
            let record = clients[Int(client)]
            deliver(.clientConnected(ClientID(client), database: record.database, user: record.user))
        case .podClientReady(let client): podClientReady(ClientID(client))
        case .idleCheck(let backend, let generation, let activity):
            idleCheck(BackendRef(slot: backend, generation: generation), activity)
        case .sample: takeSample()
        }
    }

    // MARK: Talking to the proxy

    /// Hands `event` to the proxy and carries out its answer; events that arise meanwhile wait their turn.
    mutating func deliver(_ event: ProxyEvent) {
        if delivering {
            deferred.append(event)
            return
        }
        delivering = true
        handle(event)
        while let next = deferred.popFirst() { handle(next) }
        delivering = false
    }

    private mutating func handle(_ event: ProxyEvent) {
        proxy.handle(event, at: SimInstant(nanoseconds: now), into: &actions)
        let batch = actions
        actions.removeAll(keepingCapacity: true)
        for action in batch { perform(action) }
    }

    // MARK: Observing

    @inline(__always)
    mutating func withWorkload<Result>(_ body: (inout WorkloadDriver, inout WorldRandom) -> Result) -> Result {
        body(&workload, &random)
    }

    mutating func withDatabase<Result>(
        _ body: (inout Database, inout DatabaseScheduler, inout EventQueue<ProxyEngineEvent>, Int64) -> Result
    ) -> Result {
        body(&database, &databaseScheduler, &agenda.queue, now)
    }

    func clientName(_ client: ClientID) -> String { clients[Int(client.rawValue)].name }
    func serverName(_ server: ServerID) -> String { server.description }

    func server(of ref: BackendRef) -> ServerID? {
        guard let server = backendServers[ref.slot], servers[Int(server)].backend == ref else { return nil }
        return ServerID(server)
    }
}

/// What the proxy world measures beyond a plain run's results.
struct ProxyMeasures {
    var clientsWaiting = 0
    var peakClientsWaiting = 0
    var longestWait: Int64 = 0
    var clientsOpened = 0
    var clientsRefused = 0
    var serversOpened = 0
    var serverLoginsFailed = 0
    var peakServers = 0
    var openServers = 0
    var busiestPools: [ShowPoolsRow] = []
    var busiestWaiting = -1
}
