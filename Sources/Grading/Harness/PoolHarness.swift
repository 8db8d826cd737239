import PoolWorld

/// Plays the world's part for a learner's pool, one step at a time, and checks the pool's contract after
/// every event it hands over and every action the pool answers with.
///
/// It is a small simulator of its own rather than PoolWorld's engine: it keeps exact books of who holds what,
/// which lets every broken rule be named the moment it happens (`lent c1 to r4 while r2 still holds it`), and
/// it runs a schedule of a hundred steps in microseconds, so a failing schedule can be shrunk by re-running it
/// hundreds of times. Opening a connection takes 5 ms, a validation ping 1 ms.
struct PoolHarness<Pool: PoolExercise> {
    // Kept outside the generic type: nested in it they would be generic too, and every access would look up
    // their metadata at run time (most of the harness's time in a debug build).
    typealias Connection = HarnessConnection
    typealias Request = HarnessRequest
    typealias Pending = HarnessPending

    static var openDelay: Int64 { 5_000_000 }
    static var pingDelay: Int64 { 1_000_000 }
    /// A slow ping outlasts the shortest borrow timeouts and lifetimes the suites draw.
    static var slowPingDelay: Int64 { 40_000_000 }
    /// A slow open outlasts every borrow timeout the suites draw (at most 300 ms).
    static var slowOpenDelay: Int64 { 350_000_000 }

    var pool: Pool
    let config: PoolConfig
    let rules: PoolRules
    var now: Int64 = 0
    var connections: [Connection] = [Connection()]
    /// Borrowers by number (r1 is at 1; the entry at 0 is never used).
    var requests: [Request] = [Request(state: .done)]
    /// What will happen later: (time, order, what).
    var agenda: [AgendaEntry] = []
    var order = 0
    /// Live timers and the agenda order of their entry (a rescheduled timer replaces the old one).
    var timers: [PoolTimer: Int] = [:]
    var opensToFail = 0
    var opensToSlow = 0
    var pingsToSlow = 0
    /// Since when `minIdle` has not been met with nothing opening and no retry scheduled.
    var shortfallSince: Int64?
    /// Since when more connections than `minIdle` have been idle.
    var idleExcessSince: Int64?
    /// Connections closed for their lifetime: when they opened and when they closed.
    var lifetimeCloses: [(opened: Int64, closed: Int64)] = []
    let recording: Bool
    let log = TraceLines()
    var violation: Violation?
    /// The actions the pool answered the last event with.
    var lastAnswered: [PoolAction] = []
    private var actions = PoolActions()
    /// The event being answered, and how many opens the answer asked for so far: what justifies an action.
    var event = PoolEvent.start
    var opensThisEvent = 0
    /// Opens that failed in a row, and the last one's error (a retry's delay and a timeout's last error).
    var consecutiveOpenFailures = 0
    var lastOpenError: DatabaseError?
    /// When each live timer was scheduled: a lease's leak timer must not outlive the lease.
    var scheduledAt: [PoolTimer: Int64] = [:]
    /// When the pool's own max-lifetime timer for a connection is due: its lifetime, jitter included.
    var lifetimeDue: [Int: Int64] = [:]
    /// How often each situation came up: what the report shows per rule.
    var coverage: [Situation: Int] = [:]
    /// Every event and action, folded: two runs of one seed must end with the same value.
    var fingerprint = Hasher()

    init(config: PoolConfig, seed: UInt64, rules: PoolRules, recording: Bool) {
        self.pool = Pool(config: config, seed: seed)
        self.config = config
        self.rules = rules
        self.recording = recording
    }

    // MARK: Running a schedule

    /// Starts the pool, runs `steps`, then winds down: everyone returns what they hold and time passes until
    /// every borrow has ended. Stops at the first broken rule.
    mutating func run(_ steps: [PoolStep]) {
        begin()
        for step in steps where violation == nil {
            perform(step)
        }
        windDown()
    }

    /// Checks the pool's maximum, starts it and checks its warm-up.
    mutating func begin() {
        let maximum = config.maxSize + config.maxOverflow
        guard pool.maximumConnections == maximum else {
            fail(
                "maximum",
                "maximumConnections is \(pool.maximumConnections), but this pool's size is \(maximum) "
                    + "(config.maxSize + config.maxOverflow)")
            return
        }
        deliver(.start, traced("\(stamp) pool starts (size \(config.maxSize), min idle \(config.minIdle))"))
        if rules.minIdle, violation == nil { checkWarmUp() }
    }

    private mutating func windDown() {
        var rounds = 0
        while violation == nil && rounds < 20 {
            rounds += 1
            let holders = requests.indices.filter { requests[$0].state == .holding }
            for holder in holders where violation == nil {
                giveBack(holder)
            }
            let waiting = requests.contains { $0.state == .waiting || $0.state == .validating }
            // Timers such as housekeeping run for ever: stop once nobody holds or waits.
            guard violation == nil, waiting || !holders.isEmpty else { break }
            let wait = (config.borrowTimeout ?? .seconds(1)).nanoseconds + 50_000_000
            advance(to: now + wait)
        }
        guard violation == nil else { return }
        let stuck = requests.indices.filter { requests[$0].state == .waiting || requests[$0].state == .validating }
        if let first = stuck.first {
            fail(
                "unanswered",
                "r\(first) is still waiting at the end, though every connection was returned and time passed: "
                    + "every borrow must end, with a connection or an error")
            return
        }
        let metrics = pool.metrics
        if metrics.active != 0 || metrics.waiting != 0 {
            fail(
                "leak",
                "after every borrower returned its connection, the pool still reports active=\(metrics.active), "
                    + "waiting=\(metrics.waiting): a connection or a waiter was lost along the way")
        }
    }

    mutating func perform(_ step: PoolStep) {
        switch step {
        case .borrow:
            if count(.idle) == 0, openCount + count(.opening) >= config.maxSize + config.maxOverflow {
                cover(.atMaximum)
            }
            requests.append(Request(askedAt: now))
            let number = requests.count - 1
            deliver(
                .borrowRequested(RequestID(number)),
                traced(
                    TraceEvent(time: instant, kind: .borrowRequested(request: "r\(number)", pool: config.name))
                        .description))
            afterBorrow(number)
        case .release(let k):
            let holders = requests.indices.filter { requests[$0].state == .holding }
            guard !holders.isEmpty else { return }
            giveBack(holders[k % holders.count])
        case .cancel(let k):
            // A borrower whose connection is being pinged for it is still waiting, and may give up too.
            let waiting = requests.indices.filter {
                requests[$0].state == .waiting || requests[$0].state == .validating
            }
            guard !waiting.isEmpty else { return }
            let number = waiting[k % waiting.count]
            requests[number].cancelled = true
            cover(requests[number].state == .validating ? .cancelledDuringPing : .cancelled)
            deliver(.borrowCancelled(RequestID(number)), traced("\(stamp) r\(number) gives up waiting"))
            if violation == nil, rules.cancellation,
                requests[number].state == .waiting || requests[number].state == .validating
            {
                fail(
                    "cancellation",
                    "r\(number) gave up waiting (borrowCancelled), but the pool did not fail its borrow with "
                        + ".cancelled: the waiter must leave the line at once")
            }
        case .advance(let milliseconds):
            advance(to: now + Int64(milliseconds) * 1_000_000)
        case .kill(let k):
            let open = openConnections
            guard !open.isEmpty else { return }
            let id = open[k % open.count]
            guard connections[id].diedAt == nil else { return }
            connections[id].diedAt = now
            note(TraceEvent(time: instant, kind: .lost(connection: "c\(id)", error: .connectionTimedOut)).description)
        case .breakConnection(let k):
            let open = openConnections
            guard !open.isEmpty else { return }
            let id = open[k % open.count]
            breakConnection(id, error: .administratorCommand)
        case .slowPings(let count):
            pingsToSlow += count
            note("\(stamp) the server is slow to answer: the next \(count) ping(s) take 40ms")
        case .slowOpens(let count):
            opensToSlow += count
            note("\(stamp) the server is slow to log in: the next \(count) connection(s) take 350ms to open")
        case .failOpens(let count):
            opensToFail += count
            note("\(stamp) the server refuses the next \(count) connection(s): FATAL: sorry, too many clients already")
        }
    }

    /// The holder of a connection gives it back: returned if it works, reported closed if the server had
    /// dropped it (the holder's query failed).
    private mutating func giveBack(_ number: Int) {
        let id = requests[number].connection
        requests[number].state = .done
        requests[number].endedAt = now
        let heldFor = SimDuration(nanoseconds: now - connections[id].lentAt)
        if connections[id].diedAt != nil {
            note("\(stamp) r\(number)'s query on c\(id) fails: \(DatabaseError.connectionTimedOut)")
            breakConnection(id, error: .connectionTimedOut)
            return
        }
        connections[id].state = .idle
        connections[id].idleSince = now
        connections[id].validatedFor = 0
        let reported = connections[id].leakReported
        cover(.returned)
        deliver(
            .connectionReturned(ConnectionID(Int32(id))),
            traced(
                TraceEvent(
                    time: instant, kind: .returned(request: "r\(number)", connection: "c\(id)", heldFor: heldFor)
                )
                .description))
        if rules.leakDetection, reported, violation == nil,
            !lastAnswered.contains(where: {
                if case .reportUnleaked(ConnectionID(Int32(id)), _) = $0 { true } else { false }
            })
        {
            fail(
                "unleaked",
                "c\(id) came back after it was reported leaked, and the pool did not say so: append "
                    + ".reportUnleaked when a reported connection is returned")
        }
    }

    private mutating func breakConnection(_ id: Int, error: DatabaseError) {
        cover(connections[id].state == .lent ? .breakLent : .breakIdle)
        if connections[id].state == .lent {
            let holder = connections[id].holder
            requests[holder].state = .done
            requests[holder].endedAt = now
        }
        let wasValidating = connections[id].state == .validating ? connections[id].validatingFor : 0
        if wasValidating > 0, requests[wasValidating].state == .validating {
            requests[wasValidating].state = .waiting
        }
        connections[id].state = .closed
        deliver(
            .connectionClosed(ConnectionID(Int32(id)), error),
            traced(TraceEvent(time: instant, kind: .serverEnded(connection: "c\(id)", error: error)).description))
    }

    // MARK: Handing events to the pool

    /// Gives the pool one event, carries out its actions in order, then checks what must hold between events.
    mutating func deliver(_ event: PoolEvent, _ line: String) {
        guard violation == nil else { return }
        note(line)
        self.event = event
        opensThisEvent = 0
        fingerprint.combine(event)
        actions.removeAll()
        pool.handle(event, at: instant, into: &actions)
        let answered = actions.list
        lastAnswered = answered
        for action in answered {
            note("    → " + ActionText.describe(action))
            fingerprint.combine(action)
            carryOut(action)
            guard violation == nil else { return }
        }
        checkOpensNeeded()
        guard violation == nil else { return }
        if let kept = connections.indices.first(where: { connections[$0].state == .failedPing }) {
            fail(
                "keeps a failed connection",
                "c\(kept) failed its validation ping, but the pool kept it: close it "
                    + "(.closeConnection(c\(kept), .validationFailed)) and never lend it")
            return
        }
        checkBetweenEvents()
        if violation == nil { note(stateLine) }
    }

    // MARK: Helpers

    var instant: SimInstant { SimInstant(nanoseconds: now) }
    var stamp: String { instant.description }

    var openConnections: [Int] {
        connections.indices.filter { $0 > 0 && connections[$0].isOpen }
    }

    // The counts below run after every event: plain loops, no arrays built.

    /// Connections open (idle, lent, validating or just failed a ping).
    var openCount: Int {
        var open = 0
        for index in 1..<connections.count where connections[index].isOpen { open += 1 }
        return open
    }

    func count(_ state: Connection.State) -> Int {
        var matching = 0
        for index in 1..<connections.count where connections[index].state == state { matching += 1 }
        return matching
    }

    var waitingCount: Int {
        var waiting = 0
        for index in 1..<requests.count where requests[index].state == .waiting { waiting += 1 }
        return waiting
    }

    /// A trace line to hand on, built only when recording.
    func traced(_ line: @autoclosure () -> String) -> String { recording ? line() : "" }

    /// Records a trace line; the line is only built when recording.
    func note(_ line: @autoclosure () -> String) {
        if recording { log.lines.append(line()) }
    }

    var lines: [String] { log.lines }

    /// What a run found, for `PropertyCheck`.
    var outcome: PropertyCheck<PoolConfig, PoolStep>.Outcome {
        .init(violation: violation, trace: lines, coverage: coverage, fingerprint: fingerprint.finalize())
    }

    mutating func fail(_ category: String, _ message: String) {
        guard violation == nil else { return }
        violation = Violation(category: category, message: message)
        note(TraceEvent(time: instant, kind: .violation(message)).description)
    }
}
