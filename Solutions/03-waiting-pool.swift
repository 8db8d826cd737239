import Grading

// Reference solution for Exercises/03-waiting-pool.swift (lessons 03-borrow-and-backpressure, 08-timeouts).

/// A pool whose borrowers wait in line, first come first served, until a connection is free or their borrow
/// timeout passes.
struct WaitingPool: PoolExercise {
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
                lent.insert(connection)
                actions.append(.lend(connection, to: request))
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
            free(connection, &actions)
        case .connectionOpenFailed:
            opening -= 1
            openIfNeeded(&actions)
        case .connectionReturned(let connection):
            lent.remove(connection)
            free(connection, &actions)
        case .connectionClosed(let connection, _):
            lent.remove(connection)
            idle.removeAll { $0 == connection }
            openIfNeeded(&actions)
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

    /// One connection on its way for each waiter, within the maximum.
    private mutating func openIfNeeded(_ actions: inout PoolActions) {
        while waiters.count > opening && idle.count + lent.count + opening < maximumConnections {
            opening += 1
            actions.append(.openConnection)
        }
    }
}
