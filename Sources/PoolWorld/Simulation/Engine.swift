import DequeModule

/// The discrete-event simulator: one clock, one agenda, the database, the pools and the borrowers.
///
/// It is generic over the pool so that the reference pool and a learner's pool run through the same code,
/// specialised (no existentials on the hot path). The engine pops the earliest event, advances the clock to
/// it and reacts; pools are called only through `deliver`, which queues events that arise while a pool's
/// actions are being carried out, so a pool is never re-entered.
struct Engine<Pool: ConnectionPoolStateMachine>: SimulationKernel {
    var now: Int64 = 0
    var agenda = Agenda<EngineEvent>()
    var database: Database
    var pools: [Pool]
    var books: [PoolBooks]
    var actions = PoolActions()
    var delivering = false
    var deferred = Deque<(pool: Int32, event: PoolEvent)>()

    var timers: [TimerEntry] = []
    var freeTimers: [Int32] = []
    var timerLookup: [TimerKey: Int32] = [:]

    var requests: [RequestRecord] = []
    var freeRequests: [Int32] = []
    var nextRequestNumber: Int32 = 0
    var nextBorrow = 0
    var liveRequests = 0
    var names: [Int32: String] = [:]
    var backendOwners: [BackendOwner] = []

    var workload: WorkloadDriver
    /// The error a lost connection will report, and the statement each connection runs (traced runs only),
    /// keyed by `sideKey(pool, connection)`.
    var lostErrors: [Int64: DatabaseError] = [:]
    var runningStatements: [Int64: SQLStatement] = [:]
    /// Results of lab borrowers' statements, by request slot.
    var manualResults: [Int32: StatementResult] = [:]
    /// When a request last started, got a connection or ended (see `SimulationKernel`).
    var lastProgress: Int64 = 0
    var random: WorldRandom

    var recorder = ResultsRecorder()
    var series: [SeriesPoint] = []
    let traceLog = TraceLog()
    let tracing: Bool
    let checking: Bool
    var violations: [InvariantViolation] = []
    let options: RunOptions
    let warmStart: Bool
    let baseSizes: Int
    var databaseScheduler = DatabaseScheduler()

    init(scenario: Scenario, pools: [Pool], traceAlways: Bool = false) {
        database = Database(config: scenario.database)
        self.pools = pools
        let fleet = pools.count > 1
        books = pools.indices.map { PoolBooks(name: fleet ? "app\($0 + 1)" : scenario.pool.name) }
        workload = WorkloadDriver(scenario.workload, drainLimit: scenario.options.drainLimit)
        random = WorldRandom(seed: scenario.seed).derived(stream: 1)
        options = scenario.options
        tracing = scenario.options.recordTrace || traceAlways
        checking = scenario.options.checkInvariants
        warmStart = scenario.warmStart
        baseSizes = scenario.pool.maxSize * pools.count
        for index in pools.indices {
            agenda.schedule(.poolStart(pool: Int32(index)), at: 0)
        }
        workload.start(&agenda, &random)
        if let interval = scenario.options.sampleInterval {
            agenda.schedule(.sample, at: interval.nanoseconds)
        }
    }

    mutating func dispatch(_ event: EngineEvent) {
        switch event {
        case .stepDone(let slot, let token):
            guard requests[Int(slot)].live, requests[Int(slot)].token == token else { return }
            requests[Int(slot)].step += 1
            advance(slot)
        case .arrival:
            openLoopArrival()
        case .poolStart(let pool):
            deliver(pool, .start)
        case .burst(let index):
            burst(index)
        case .clientWake(let client):
            clientWakes(client)
        case .retry(let slot, let token):
            guard requests[Int(slot)].live, requests[Int(slot)].token == token else { return }
            beginAttempt(slot)
        case .connectDone(let pool, let connection):
            connectDone(pool, connection)
        case .poolTimer(let index, let generation):
            fireTimer(index, generation)
        case .cpu(let generation):
            cpuTick(generation)
        case .statementDone(let backend, let generation, let statement):
            statementDone(BackendRef(slot: backend, generation: generation), statement)
        case .statementTimeout(let backend, let generation, let statement):
            statementTimedOut(BackendRef(slot: backend, generation: generation), statement)
        case .connectionLost(let pool, let connection):
            connectionLost(pool, connection)
        case .idleCheck(let backend, let generation, let activity):
            idleCheck(BackendRef(slot: backend, generation: generation), activity)
        case .reap(let backend, let generation):
            database.reapOrphan(BackendRef(slot: backend, generation: generation))
        case .sample:
            takeSample()
        }
    }

    // MARK: Observing

    @inline(__always)
    mutating func withWorkload<Result>(_ body: (inout WorkloadDriver, inout WorldRandom) -> Result) -> Result {
        body(&workload, &random)
    }

    mutating func withDatabase<Result>(
        _ body: (inout Database, inout DatabaseScheduler, inout EventQueue<EngineEvent>, Int64) -> Result
    ) -> Result {
        body(&database, &databaseScheduler, &agenda.queue, now)
    }

    func sideKey(_ pool: Int32, _ connection: Int32) -> Int64 {
        Int64(pool) << 32 | Int64(connection)
    }

    func requestName(_ slot: Int32) -> String {
        let number = requests[Int(slot)].number
        return names[number] ?? "r\(number)"
    }

    func connectionName(_ pool: Int32, _ connection: Int32) -> String {
        books.count > 1 ? "\(books[Int(pool)].name).c\(connection)" : "c\(connection)"
    }

    mutating func takeSample() {
        var sum = PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0)
        for pool in pools {
            let metrics = pool.metrics
            sum.total += metrics.total
            sum.idle += metrics.idle
            sum.active += metrics.active
            sum.waiting += metrics.waiting
        }
        series.append(SeriesPoint(at: now, pools: sum, database: database, completed: recorder.completed))
        if let interval = options.sampleInterval, !(workload.finished && liveRequests == 0) {
            agenda.schedule(.sample, at: now + interval.nanoseconds)
        }
    }

    /// The run's measurements.
    mutating func result() -> SimulationResult {
        SimulationResult(
            closing: &recorder, database: &database, at: now, capacity: baseSizes, poolMetrics: pools.map(\.metrics),
            poolCounters: pools.compactMap { ($0 as? ReferencePool)?.counters }, series: series,
            trace: traceLog.events, violations: violations)
    }
}
