import Grading

// Reference solution for Exercises/04-leak-detection.swift (lesson 07-failure-modes).

/// The waiting pool of exercise 3, plus leak detection as HikariCP does it: a lease longer than the threshold is
/// reported once, never taken back, and reported again when the connection finally comes home.
struct LeakDetectingPool: PoolExercise {
    struct Waiter {
        var request: RequestID
        var since: SimInstant
    }

    let config: PoolConfig
    var idle: [ConnectionID] = []
    var lent: Set<ConnectionID> = []
    var opening = 0
    /// The line, oldest first.
    var waiters: [Waiter] = []
    /// Each lease: who holds the connection since when, and whether it was reported.
    var leases: [ConnectionID: Lease] = [:]
    var leaseCount: UInt32 = 0

    struct Lease {
        var borrower: RequestID
        var since: SimInstant
        var generation: UInt32
        var reported = false
    }

    init(config: PoolConfig, seed: UInt64) {
        self.config = config
    }

    var metrics: PoolMetrics {
        PoolMetrics(
            total: idle.count + lent.count, idle: idle.count, active: lent.count, waiting: waiters.count,
            pending: opening)
    }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        switch event {
        case .borrowRequested(let request):
            // Nobody may overtake the line: an idle connection goes to a newcomer only when nobody waits.
            if waiters.isEmpty, let connection = idle.popLast() {
                lend(connection, to: request, now, &actions)
                return
            }
            waiters.append(Waiter(request: request, since: now))
            if let timeout = config.borrowTimeout {
                actions.append(.scheduleTimer(PoolTimer(.borrowTimeout, request: request), at: now + timeout))
            }
            actions.append(.enqueue(request, position: waiters.count))
            openIfNeeded(&actions)
        case .borrowCancelled(let request):
            guard let index = waiters.firstIndex(where: { $0.request == request }) else { return }
            waiters.remove(at: index)
            actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: request)))
            actions.append(.failBorrow(request, .cancelled))
        case .timerFired(let timer) where timer.kind == .leakDetection:
            guard let connection = timer.connection, var lease = leases[connection],
                lease.generation == timer.generation
            else { return }
            lease.reported = true
            leases[connection] = lease
            actions.append(.reportLeak(connection, borrower: lease.borrower, heldFor: now - lease.since))
        case .timerFired(let timer):
            guard timer.kind == .borrowTimeout, let request = timer.request,
                let index = waiters.firstIndex(where: { $0.request == request })
            else { return }
            let waiter = waiters.remove(at: index)
            // HikariCP's message shows the pool as the borrower saw it, itself still counted as waiting.
            let error = PoolError.timedOut(
                after: now - waiter.since, total: idle.count + lent.count, active: lent.count, idle: idle.count,
                waiting: waiters.count + 1, lastConnectError: nil)
            actions.append(.failBorrow(request, error))
        case .connectionOpened(let connection):
            opening -= 1
            free(connection, now, &actions)
        case .connectionOpenFailed:
            opening -= 1
            openIfNeeded(&actions)
        case .connectionReturned(let connection):
            endLease(connection, now, &actions)
            free(connection, now, &actions)
        case .connectionClosed(let connection, _):
            if lent.contains(connection) { endLease(connection, now, &actions) }
            idle.removeAll { $0 == connection }
            openIfNeeded(&actions)
        default:
            break
        }
    }

    /// A free connection goes to the head of the line (whose timer is no longer needed), else to the idle list.
    private mutating func free(_ connection: ConnectionID, _ now: SimInstant, _ actions: inout PoolActions) {
        guard !waiters.isEmpty else {
            idle.append(connection)
            return
        }
        let waiter = waiters.removeFirst()
        actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: waiter.request)))
        lend(connection, to: waiter.request, now, &actions)
    }

    /// Lends and, with leak detection on, starts the lease's timer (its generation tells leases apart).
    private mutating func lend(
        _ connection: ConnectionID, to request: RequestID, _ now: SimInstant, _ actions: inout PoolActions
    ) {
        lent.insert(connection)
        actions.append(.lend(connection, to: request))
        guard let threshold = config.leakDetectionThreshold else { return }
        leaseCount &+= 1
        leases[connection] = Lease(borrower: request, since: now, generation: leaseCount)
        actions.append(
            .scheduleTimer(
                PoolTimer(.leakDetection, connection: connection, generation: leaseCount), at: now + threshold))
    }

    /// The lease is over: stop its timer; if it was reported, say that the connection came back.
    private mutating func endLease(_ connection: ConnectionID, _ now: SimInstant, _ actions: inout PoolActions) {
        lent.remove(connection)
        guard let lease = leases.removeValue(forKey: connection) else { return }
        actions.append(.cancelTimer(PoolTimer(.leakDetection, connection: connection, generation: lease.generation)))
        if lease.reported {
            actions.append(.reportUnleaked(connection, heldFor: now - lease.since))
        }
    }

    /// One connection on its way for each waiter, within the maximum.
    private mutating func openIfNeeded(_ actions: inout PoolActions) {
        while waiters.count > opening && idle.count + lent.count + opening < maximumConnections {
            opening += 1
            actions.append(.openConnection)
        }
    }
}
