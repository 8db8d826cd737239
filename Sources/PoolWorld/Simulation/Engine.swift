import DequeModule

/// The discrete-event simulator: one clock, one agenda, the database, the pools and the borrowers.
///
/// It is generic over the pool so that the reference pool and a learner's pool run through the same code,
/// specialised (no existentials on the hot path). The engine pops the earliest event, advances the clock to
/// it and reacts; pools are called only through `deliver`, which queues events that arise while a pool's
/// actions are being carried out, so a pool is never re-entered.
struct Engine<Pool: ConnectionPoolStateMachine> {
    var now: Int64 = 0
    var queue = EventQueue<EngineEvent>()
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

    var scripts: [RequestScript]
    let cumulativeWeights: [Double]
    /// Scripts flattened into plain step codes: script `i` is `stepCodes[scriptStart[i]..<scriptStart[i + 1]]`.
    var stepCodes: [StepCode]
    var scriptStart: [Int32]
    var statementTable: [SQLStatement]
    // The workload's numbers, unpacked so the hot path reads plain fields.
    let arrivals: Workload.Arrivals
    let meanGap: Double
    let requestLimit: Int
    let sendUntil: Int64
    let retry: RetryPolicy
    let randomRouting: Bool
    let burstSizes: [Int]
    /// The error a lost connection will report, and the statement each connection runs (traced runs only),
    /// keyed by `sideKey(pool, connection)`.
    var lostErrors: [Int64: DatabaseError] = [:]
    var runningStatements: [Int64: SQLStatement] = [:]
    /// Results of lab borrowers' statements, by request slot.
    var manualResults: [Int32: StatementResult] = [:]
    var requestsStarted = 0
    var generatorsActive = 0
    var routeCounter = 0
    var drainDeadline = Int64.max
    /// When a request last started, got a connection or ended. A run whose requests make no progress for
    /// the drain limit is stuck (a deadlock among clients that are all waiting) and stops.
    var lastProgress: Int64 = 0
    /// The next open-loop arrival, kept beside the heap (there is only ever one), ordered by its sequence
    /// number exactly as if it were in the heap. `Int64.max`: none.
    var arrivalTime = Int64.max
    var arrivalSequence: UInt64 = 0
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
    /// The database's CPU and timer events (shared with the other simulator).
    var clock = DatabaseClock()

    init(scenario: Scenario, pools: [Pool], traceAlways: Bool = false) {
        database = Database(config: scenario.database)
        self.pools = pools
        let fleet = pools.count > 1
        books = pools.indices.map { PoolBooks(name: fleet ? "app\($0 + 1)" : scenario.pool.name) }
        let workload = scenario.workload
        scripts = workload.mix.map(\.script)
        var codes: [StepCode] = []
        var starts: [Int32] = []
        var statements: [SQLStatement] = []
        for script in scripts {
            starts.append(Int32(codes.count))
            for step in script.steps {
                switch step {
                case .hold(let duration): codes.append(.hold(duration))
                case .query(let cost): codes.append(.query(cost))
                case .borrowSecond: codes.append(.borrowSecond)
                case .releaseSecond: codes.append(.releaseSecond)
                case .statement(let statement):
                    codes.append(.statement(Int32(statements.count)))
                    statements.append(statement)
                }
            }
        }
        starts.append(Int32(codes.count))
        stepCodes = codes
        scriptStart = starts
        statementTable = statements
        arrivals = workload.arrivals
        switch workload.arrivals {
        case .poisson(let rate), .constant(let rate): meanGap = 1e9 / rate.perSecond
        default: meanGap = 0
        }
        requestLimit = workload.requestLimit ?? .max
        sendUntil = workload.duration?.nanoseconds ?? .max
        retry = workload.retry
        randomRouting = workload.routing == .random
        burstSizes = workload.bursts.map(\.count)
        var total = 0.0
        cumulativeWeights = scenario.workload.mix.map {
            total += $0.weight
            return total
        }
        random = WorldRandom(seed: scenario.seed).derived(stream: 1)
        options = scenario.options
        tracing = scenario.options.recordTrace || traceAlways
        checking = scenario.options.checkInvariants
        warmStart = scenario.warmStart
        baseSizes = scenario.pool.maxSize * pools.count
        for index in pools.indices {
            queue.schedule(.poolStart(pool: Int32(index)), at: 0)
        }
        scheduleWorkload(scenario.workload)
        if let interval = scenario.options.sampleInterval {
            queue.schedule(.sample, at: interval.nanoseconds)
        }
    }

    var workloadFinished: Bool { generatorsActive == 0 }

    // MARK: Running

    /// Runs until every request has ended (or the drain limit passes), then reports.
    mutating func runToCompletion() {
        runToCompletion(every: .max) { _ in true }
    }

    /// The same, asking `proceed` (given the requests started so far) every `events` events whether to go on
    /// (Ctrl-C in the lab, progress bars).
    mutating func runToCompletion(every events: Int, proceed: (Int) -> Bool) {
        var countdown = events
        while true {
            countdown -= 1
            if countdown == 0 {
                countdown = events
                if !proceed(requestsStarted) { break }
            }
            if generatorsActive == 0 && liveRequests == 0 { break }
            guard let next = nextEventTime, next <= drainDeadline,
                liveRequests == 0 || next - lastProgress <= options.drainLimit.nanoseconds
            else { break }
            guard let (time, event) = popNextEvent() else { break }
            now = time
            dispatch(event)
        }
    }

    /// Runs every event up to and including `deadline`, then sets the clock to it.
    mutating func run(until deadline: Int64) {
        while let next = nextEventTime, next <= deadline {
            guard let (time, event) = popNextEvent() else { break }
            now = time
            dispatch(event)
        }
        now = max(now, deadline)
    }

    /// When the next event happens, if any.
    var nextEventTime: Int64? {
        let heapTime = queue.nextTime ?? .max
        let earliest = min(heapTime, arrivalTime)
        return earliest == .max ? nil : earliest
    }

    mutating func scheduleArrival(at time: Int64) {
        arrivalTime = time
        arrivalSequence = queue.takeSequence()
    }

    private mutating func popNextEvent() -> (time: Int64, payload: EngineEvent)? {
        guard arrivalTime != .max else { return queue.popFirst() }
        if let top = queue.firstKey,
            top.time < arrivalTime || (top.time == arrivalTime && top.sequence < arrivalSequence)
        {
            return queue.popFirst()
        }
        let time = arrivalTime
        arrivalTime = .max
        return (time, .arrival)
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

    /// Records a trace event; the event is only built when tracing is on.
    func note(_ kind: @autoclosure () -> TraceEvent.Kind) {
        guard tracing else { return }
        traceLog.events.append(TraceEvent(time: SimInstant(nanoseconds: now), kind: kind()))
    }

    mutating func violation(_ message: String) {
        violations.append(InvariantViolation(time: SimInstant(nanoseconds: now), message: message))
        note(.violation(message))
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
        var point = SeriesPoint(
            time: SimInstant(nanoseconds: now), poolTotal: 0, poolIdle: 0, poolActive: 0, poolWaiting: 0,
            databaseConnections: database.serverConnections, runningQueries: database.cpu.active,
            busyCores: database.cpu.busyCores, completed: recorder.completed)
        for pool in pools {
            let metrics = pool.metrics
            point.poolTotal += metrics.total
            point.poolIdle += metrics.idle
            point.poolActive += metrics.active
            point.poolWaiting += metrics.waiting
        }
        series.append(point)
        if let interval = options.sampleInterval, !(workloadFinished && liveRequests == 0) {
            queue.schedule(.sample, at: now + interval.nanoseconds)
        }
    }

    /// The run's measurements.
    mutating func result() -> SimulationResult {
        recorder.close(at: now)
        database.cpu.advance(to: now)
        let span = Double(max(now, 1))
        let seconds = span / 1e9
        let ended = recorder.completed + recorder.timedOut + recorder.errored
        let cpuShare = database.config.cores.map { database.cpu.busyCoreNanoseconds / (span * Double($0)) }
        let little = LittlesLaw(
            meanInSystem: recorder.inSystemArea / span,
            arrivalRate: Double(recorder.requests) / seconds,
            meanTimeInSystem: ended > 0 ? Double(recorder.totalSojourn) / Double(ended) / 1e9 : 0,
            meanWaiting: recorder.waitingArea / span,
            meanWaitTime: ended > 0 ? Double(recorder.totalWait) / Double(ended) / 1e9 : 0)
        return SimulationResult(
            requests: recorder.requests, completed: recorder.completed, timedOut: recorder.timedOut,
            errored: recorder.errored, unfinished: recorder.requests - ended,
            requestsThatWaited: recorder.requestsThatWaited,
            probabilityOfWaiting: ended > 0 ? Double(recorder.requestsThatWaited) / Double(ended) : 0,
            meanWait: SimDuration(nanoseconds: ended > 0 ? recorder.totalWait / Int64(ended) : 0),
            latency: recorder.latency, waits: recorder.waits, simulatedTime: SimDuration(nanoseconds: now),
            throughputPerSecond: Double(recorder.completed) / seconds,
            utilisation: baseSizes > 0 ? recorder.lentArea / span / Double(baseSizes) : 0,
            maxWaiting: recorder.maxWaiting, maxDatabaseConnections: database.peakServerConnections,
            databaseCPUUtilisation: cpuShare, littlesLaw: little, retries: recorder.retries,
            errorsByMessage: recorder.errorsByMessage, leaksReported: recorder.leaksReported,
            poolMetrics: pools.map(\.metrics),
            poolCounters: pools.compactMap { ($0 as? ReferencePool)?.counters },
            database: database.stats, series: series, trace: traceLog.events, violations: violations)
    }
}

/// The trace being recorded. A reference, so that recording does not need exclusive access to the engine
/// (the lines are built from the engine's state while it is being changed).
final class TraceLog {
    var events: [TraceEvent] = []
}
