import Grading

// Reference solution for Exercises/06-warm-up.swift (lessons 07-failure-modes, 11-configuring-pools).

/// The waiting pool of exercise 3, kept warm: it opens `minIdle` connections at start, refills after a
/// connection breaks, and retries failed opens with a growing delay (PostgresNIO's backoff) instead of
/// hammering the server.
struct WarmPool: PoolExercise {
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
    /// Opens that failed in a row, and whether a retry is scheduled.
    var failures = 0
    var retryPending = false

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
        case .start:
            replenish(&actions)
            armHousekeeping(now, &actions)
        case .borrowRequested(let request):
            // Nobody may overtake the line: an idle connection goes to a newcomer only when nobody waits.
            if waiters.isEmpty, let connection = idle.popLast() {
                lent.insert(connection)
                actions.append(.lend(connection, to: request))
                return
            }
            waiters.append(Waiter(request: request, since: now))
            if let timeout = config.borrowTimeout {
                actions.append(.scheduleTimer(PoolTimer(.borrowTimeout, request: request), at: now + timeout))
            }
            actions.append(.enqueue(request, position: waiters.count))
            replenish(&actions)
        case .borrowCancelled(let request):
            guard let index = waiters.firstIndex(where: { $0.request == request }) else { return }
            waiters.remove(at: index)
            actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: request)))
            actions.append(.failBorrow(request, .cancelled))
        case .timerFired(let timer) where timer.kind == .openRetry:
            retryPending = false
            replenish(&actions)
        case .timerFired(let timer) where timer.kind == .housekeeping:
            replenish(&actions)
            armHousekeeping(now, &actions)
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
            failures = 0
            free(connection, &actions)
            replenish(&actions)
        case .connectionOpenFailed:
            opening -= 1
            failures += 1
            guard !retryPending, waiters.count > opening || short else { return }
            // 0.1 s, then 1.25 times longer after each failure in a row, up to the maximum.
            var delay = Double(config.retryDelay.nanoseconds)
            for _ in 1..<failures { delay *= 1.25 }
            let wait = SimDuration(nanoseconds: min(Int64(delay), config.maxRetryDelay.nanoseconds))
            retryPending = true
            actions.append(.scheduleTimer(PoolTimer(.openRetry), at: now + wait))
        case .connectionReturned(let connection):
            lent.remove(connection)
            free(connection, &actions)
        case .connectionClosed(let connection, _):
            lent.remove(connection)
            idle.removeAll { $0 == connection }
            replenish(&actions)
        default:
            break
        }
    }

    /// A free connection goes to the head of the line (whose timer is no longer needed), else to the idle list.
    private mutating func free(_ connection: ConnectionID, _ actions: inout PoolActions) {
        guard !waiters.isEmpty else {
            idle.append(connection)
            return
        }
        let waiter = waiters.removeFirst()
        actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: waiter.request)))
        lent.insert(connection)
        actions.append(.lend(connection, to: waiter.request))
    }

    /// Fewer connections idle or on their way than min idle asks for, once the line is served.
    private var short: Bool { idle.count + opening - waiters.count < config.minIdle }

    /// One connection on its way for each waiter, then up to min idle; nothing while a retry is pending.
    private mutating func replenish(_ actions: inout PoolActions) {
        guard !retryPending else { return }
        while waiters.count > opening && idle.count + lent.count + opening < maximumConnections {
            opening += 1
            actions.append(.openConnection)
        }
        while short && idle.count + lent.count + opening < config.maxSize {
            opening += 1
            actions.append(.openConnection)
        }
    }

    /// Housekeeping tops the pool up even if an event was missed.
    private func armHousekeeping(_ now: SimInstant, _ actions: inout PoolActions) {
        guard config.minIdle > 0 else { return }
        actions.append(.scheduleTimer(PoolTimer(.housekeeping), at: now + config.housekeepingInterval))
    }
}
