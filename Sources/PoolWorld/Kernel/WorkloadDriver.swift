/// The workload's side of a run, the same in every world: when requests arrive (open loop, closed loop,
/// bursts), which script each runs, which app instance gets it, and when the workload has finished.
///
/// It decides and the simulator acts: a simulator asks whether a request may start, starts it its own way
/// (a borrow from a pool, or a client connection to the proxy), then asks when the next one comes. The
/// random draws happen in the order they always did, on the simulator's one stream, so a seed names a run.
struct WorkloadDriver {
    let arrivals: Workload.Arrivals
    /// The open loop's mean gap between arrivals, in nanoseconds.
    let meanGap: Double
    let requestLimit: Int
    let sendUntil: Int64
    let retry: RetryPolicy
    let randomRouting: Bool
    let burstSizes: [Int]
    let burstTimes: [Int64]
    /// How long the last requests may take once the workload has finished, and how long requests in flight
    /// may go without progress, in nanoseconds (`RunOptions.drainLimit`).
    let drainLimit: Int64
    let cumulativeWeights: [Double]

    var scripts: [RequestScript]
    /// Scripts flattened into plain step codes: script `i` is `stepCodes[scriptStart[i]..<scriptStart[i + 1]]`.
    var stepCodes: [StepCode] = []
    var scriptStart: [Int32] = []
    var statementTable: [SQLStatement] = []

    var requestsStarted = 0
    /// Arrival processes, closed-loop clients and bursts still sending.
    var generatorsActive = 0
    var routeCounter = 0
    /// When the run stops waiting for the last requests, once every generator is done.
    var drainDeadline = Int64.max

    init(_ workload: Workload, drainLimit: SimDuration) {
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
        burstTimes = workload.bursts.map(\.at.nanoseconds)
        self.drainLimit = drainLimit.nanoseconds
        var total = 0.0
        cumulativeWeights = workload.mix.map {
            total += $0.weight
            return total
        }
        scripts = []
        scriptStart = [0]
        for (_, script) in workload.mix { append(script) }
    }

    /// Every generator is done: no request will arrive unless the lab sends one.
    var finished: Bool { generatorsActive == 0 }

    // MARK: Scripts

    /// Adds a request script while the world runs (the lab's `burst N QUERY`); returns its index.
    mutating func addScript(_ script: RequestScript) -> Int32 {
        if let existing = scripts.firstIndex(of: script) { return Int32(existing) }
        append(script)
        return Int32(scripts.count - 1)
    }

    private mutating func append(_ script: RequestScript) {
        scriptStart.removeLast()
        scriptStart.append(Int32(stepCodes.count))
        for step in script.steps {
            switch step {
            case .hold(let duration): stepCodes.append(.hold(duration))
            case .query(let cost): stepCodes.append(.query(cost))
            case .borrowSecond: stepCodes.append(.borrowSecond)
            case .releaseSecond: stepCodes.append(.releaseSecond)
            case .statement(let statement):
                stepCodes.append(.statement(Int32(statementTable.count)))
                statementTable.append(statement)
            }
        }
        scriptStart.append(Int32(stepCodes.count))
        scripts.append(script)
    }

    /// The script of a new request, drawn by weight (no draw when there is only one).
    @inline(__always)
    mutating func chooseScript(_ random: inout WorldRandom) -> Int32 {
        guard cumulativeWeights.count > 1, let total = cumulativeWeights.last else { return 0 }
        let draw = random.nextUnit() * total
        return Int32(cumulativeWeights.firstIndex(where: { draw < $0 }) ?? cumulativeWeights.count - 1)
    }

    /// The app instance of `count` that gets a new request: at random, or round-robin.
    @inline(__always)
    mutating func route(among count: Int, _ random: inout WorldRandom) -> Int32 {
        if randomRouting { return Int32(random.below(count)) }
        let target = Int32(routeCounter % count)
        routeCounter += 1
        return target
    }

    // MARK: Arrivals

    /// Starts the generators: the first open-loop arrival's time (the simulator puts it on its agenda), then
    /// the closed-loop clients' first wakes and the bursts, in that order.
    mutating func start<Event: KernelEvent>(_ agenda: inout Agenda<Event>, _ random: inout WorldRandom) {
        switch arrivals {
        case .poisson(let rate):
            generatorsActive += 1
            agenda.scheduleArrival(at: Int64(random.exponential(mean: 1e9 / rate.perSecond).rounded()))
        case .constant(let rate):
            generatorsActive += 1
            agenda.scheduleArrival(at: Int64((1e9 / rate.perSecond).rounded()))
        case .closedLoop(let clients, let think):
            for client in 0..<clients {
                generatorsActive += 1
                agenda.schedule(.clientWake(client: Int32(client)), at: think.sample(&random))
            }
        case .none:
            break
        }
        for (index, at) in burstTimes.enumerated() {
            generatorsActive += 1
            agenda.schedule(.burst(index: Int32(index)), at: at)
        }
    }

    /// Whether the workload may send another request now.
    @inline(__always)
    func maySend(_ now: Int64) -> Bool {
        requestsStarted < requestLimit && now <= sendUntil
    }

    @inline(__always)
    mutating func generatorDone(_ now: Int64) {
        generatorsActive -= 1
        if generatorsActive == 0 {
            drainDeadline = now + drainLimit
        }
    }

    /// A generator (an open-loop arrival, a closed-loop client) is due: whether it sends a request now. When
    /// it may not, it is done.
    @inline(__always)
    mutating func due(_ now: Int64) -> Bool {
        guard maySend(now) else {
            generatorDone(now)
            return false
        }
        return true
    }

    /// After an open-loop arrival's request started: when the next arrives (the gap drawn now), or nil when
    /// the generator is done.
    @inline(__always)
    mutating func nextArrival(after now: Int64, _ random: inout WorldRandom) -> Int64? {
        let gap: Double
        if case .poisson = arrivals {
            gap = random.exponential(mean: meanGap)
        } else {
            gap = meanGap
        }
        guard maySend(now) else {
            generatorDone(now)
            return nil
        }
        return now + Int64(gap + 0.5)
    }

    /// A closed-loop client's request ended: it thinks, then wakes to send the next.
    mutating func clientThinks<Event: KernelEvent>(
        _ client: Int32, _ now: Int64, _ agenda: inout Agenda<Event>, _ random: inout WorldRandom
    ) {
        guard client >= 0, case .closedLoop(_, let think) = arrivals else { return }
        agenda.schedule(.clientWake(client: client), at: now + think.sample(&random))
    }
}

/// One step of a script, as plain data: statements are kept in a side table so that the hot path copies no
/// reference-counted values.
enum StepCode {
    case hold(Distribution)
    case query(Distribution)
    case statement(Int32)
    case borrowSecond
    case releaseSecond
}
