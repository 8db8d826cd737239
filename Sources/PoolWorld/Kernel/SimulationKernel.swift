/// What every simulator of the world shares: virtual time and its agenda, the workload that feeds it, and the
/// run's trace and invariant checks. The pool world's `Engine` and the proxy world's `ProxyEngine` conform,
/// and keep only what differs between them (a pool of connections, or a proxy of client and server
/// connections), reacting to their events in `dispatch`.
///
/// The loops below are generic over the simulator; the optimiser specialises them for each one, so the hot
/// loop reads the simulator's stored properties directly.
protocol SimulationKernel {
    associatedtype Event: KernelEvent

    /// The virtual clock, in nanoseconds since the run began.
    var now: Int64 { get set }
    var agenda: Agenda<Event> { get set }
    var workload: WorkloadDriver { get }
    /// Requests in the world now.
    var liveRequests: Int { get }
    /// When a request last started, got a connection or ended. A run whose requests make no progress for the
    /// drain limit is stuck (a deadlock among clients that are all waiting) and stops.
    var lastProgress: Int64 { get }
    var traceLog: TraceLog { get }
    var tracing: Bool { get }
    var violations: [InvariantViolation] { get set }

    /// Lends `body` the workload and the run's one random stream (arrivals, durations, scripts, routing and
    /// retries draw from it in turn). A method rather than a settable property: the optimiser calls the
    /// simulator's own code for it, where a property's `modify` went through the witness table on the
    /// hottest path (measured: 20 instructions an arrival).
    mutating func withWorkload<Result>(_ body: (inout WorkloadDriver, inout WorldRandom) -> Result) -> Result
    /// Reacts to an event taken from the agenda; the clock already reads its time.
    mutating func dispatch(_ event: Event)
    /// A request of the workload arrives, from closed-loop client `client` (-1: the open loop or a burst):
    /// the world starts it its own way.
    mutating func startRequest(from client: Int32)
    /// Lends `body` the database, its scheduler and the agenda's queue at once, with the time. A simulator
    /// implements it on its stored properties; shared code cannot take two of them `inout` through the
    /// protocol (overlapping accesses to `self`), nor copy the `Database` (measured: 12% slower).
    mutating func withDatabase<Result>(
        _ body: (inout Database, inout DatabaseScheduler, inout EventQueue<Event>, Int64) -> Result
    ) -> Result
    /// Schedules what the database has for the world after a change: statements whose advisory lock was
    /// granted, and notifications to deliver.
    mutating func drainDatabase()
    /// Arms the server's idle timeouts again on every backend the world uses (after the settings changed).
    mutating func rearmIdleTimeouts()
}

extension SimulationKernel {
    // MARK: Running

    /// Runs until every request has ended (or the drain limit passes).
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
                if !proceed(workload.requestsStarted) { break }
            }
            if workload.finished && liveRequests == 0 { break }
            guard let next = agenda.nextTime, next <= workload.drainDeadline,
                liveRequests == 0 || next - lastProgress <= workload.drainLimit
            else { break }
            guard let (time, event) = agenda.popNext() else { break }
            now = time
            dispatch(event)
        }
    }

    /// Runs every event up to and including `deadline`, then sets the clock to it.
    mutating func run(until deadline: Int64) {
        while let next = agenda.nextTime, next <= deadline {
            guard let (time, event) = agenda.popNext() else { break }
            now = time
            dispatch(event)
        }
        now = max(now, deadline)
    }

    /// The lab's `advance`: moves the clock forward by `duration`, running everything that happens meanwhile.
    mutating func advanceClock(by duration: SimDuration) throws(InputError) {
        guard duration >= .zero else { throw InputError("time only moves forward; got \(duration)") }
        try InputLimits.checkHorizon(now: now, adding: duration)
        run(until: now + duration.nanoseconds)
    }

    /// Runs the next event if there is one no later than `deadline`; false when there is none.
    mutating func runNextEvent(before deadline: Int64) -> Bool {
        guard let next = agenda.nextTime, next <= deadline, let (time, event) = agenda.popNext() else { return false }
        now = time
        dispatch(event)
        return true
    }

    // MARK: Arrivals

    // Each statement below touches one of the simulator's properties at a time (hence the locals): through
    // the protocol, two at once would be overlapping accesses to `self`.

    mutating func burst(_ index: Int32) {
        for _ in 0..<workload.burstSizes[Int(index)] where workload.maySend(now) {
            startRequest(from: -1)
        }
        let time = now
        withWorkload { workload, _ in workload.generatorDone(time) }
    }

    mutating func clientWakes(_ client: Int32) {
        let time = now
        guard withWorkload({ workload, _ in workload.due(time) }) else { return }
        startRequest(from: client)
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
}

/// What of a trace the lab has shown: each lab command returns only the lines it caused.
struct TraceCursor {
    private var shown = 0

    /// The lines recorded since the last call.
    mutating func newEvents(in log: TraceLog) -> [TraceEvent] {
        let events = Array(log.events[shown...])
        shown = log.events.count
        return events
    }
}

/// The trace being recorded. A reference, so that recording does not need exclusive access to the simulator
/// (the lines are built from its state while it is being changed).
final class TraceLog {
    var events: [TraceEvent] = []
}
