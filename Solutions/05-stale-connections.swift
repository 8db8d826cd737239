import Grading

// Reference solution for Exercises/05-stale-connections.swift (lesson 09-validation-and-lifetimes).

/// The waiting pool of exercise 3, keeping its connections fresh: a ping before lending one that has been idle
/// a while, a maximum lifetime shortened by a random jitter, and an idle timeout that never goes below min idle.
struct FreshPool: PoolExercise {
    struct Waiter {
        var request: RequestID
        var since: SimInstant
    }

    struct Connection {
        var idleSince: SimInstant
        /// Past its lifetime while lent or being pinged: close it when it comes back.
        var expired = false
    }

    let config: PoolConfig
    var random: WorldRandom
    var idle: [ConnectionID] = []
    var lent: Set<ConnectionID> = []
    var connections: [ConnectionID: Connection] = [:]
    /// Pings in flight, with the borrower each is for (nil when that borrower has left).
    var pinging: [ConnectionID: Waiter?] = [:]
    var opening = 0
    var waiters: [Waiter] = []

    init(config: PoolConfig, seed: UInt64) {
        self.config = config
        self.random = WorldRandom(seed: seed)
    }

    var metrics: PoolMetrics {
        PoolMetrics(
            total: connections.count, idle: idle.count, active: lent.count + pinging.count, waiting: waiters.count,
            pending: opening)
    }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        switch event {
        case .start:
            armHousekeeping(now, &actions)
        case .borrowRequested(let request):
            let waiter = Waiter(request: request, since: now)
            if let timeout = config.borrowTimeout {
                actions.append(.scheduleTimer(PoolTimer(.borrowTimeout, request: request), at: now + timeout))
            }
            if waiters.isEmpty, let connection = idle.popLast() {
                assign(connection, to: waiter, now, &actions)
                return
            }
            waiters.append(waiter)
            actions.append(.enqueue(request, position: waiters.count))
            openIfNeeded(&actions)
        case .borrowCancelled(let request):
            guard leave(request) else { return }
            actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: request)))
            actions.append(.failBorrow(request, .cancelled))
        case .timerFired(let timer):
            timerFired(timer, now, &actions)
        case .connectionOpened(let connection):
            opening -= 1
            let jitter = random.nextUnit() * config.lifetimeJitter
            connections[connection] = Connection(idleSince: now)
            if let lifetime = config.maxLifetime {
                let shortened = SimDuration(nanoseconds: Int64(Double(lifetime.nanoseconds) * (1 - jitter)))
                actions.append(.scheduleTimer(PoolTimer(.maxLifetime, connection: connection), at: now + shortened))
            }
            free(connection, now, &actions)
        case .connectionOpenFailed:
            opening -= 1
            openIfNeeded(&actions)
        case .connectionReturned(let connection):
            lent.remove(connection)
            free(connection, now, &actions)
        case .connectionClosed(let connection, _):
            forget(connection, &actions)
            if let waiter = pinging.removeValue(forKey: connection) ?? nil { rejoin(waiter) }
            serveLine(now, &actions)
        case .validationSucceeded(let connection):
            let waiter = pinging.removeValue(forKey: connection) ?? nil
            if let waiter, connections[connection]?.expired == false {
                lend(connection, to: waiter.request, &actions)
                return
            }
            if let waiter { rejoin(waiter) }
            connections[connection]?.idleSince = now
            free(connection, now, &actions)
        case .validationFailed(let connection, _):
            let waiter = pinging.removeValue(forKey: connection) ?? nil
            close(connection, .validationFailed, &actions)
            if let waiter { rejoin(waiter) }
            serveLine(now, &actions)
        default:
            break
        }
    }

    private mutating func timerFired(_ timer: PoolTimer, _ now: SimInstant, _ actions: inout PoolActions) {
        switch timer.kind {
        case .borrowTimeout:
            guard let request = timer.request, let since = since(of: request), leave(request) else { return }
            let error = PoolError.timedOut(
                after: now - since, total: connections.count, active: lent.count + pinging.count, idle: idle.count,
                waiting: waiters.count + 1, lastConnectError: nil)
            actions.append(.failBorrow(request, error))
        case .maxLifetime:
            guard let connection = timer.connection else { return }
            if let position = idle.firstIndex(of: connection) {
                idle.remove(at: position)
                close(connection, .maxLifetime, &actions)
                openIfNeeded(&actions)
            } else {
                connections[connection]?.expired = true
            }
        case .housekeeping:
            retireIdle(now, &actions)
            armHousekeeping(now, &actions)
        default:
            break
        }
    }

    /// Lends an idle connection, after a ping if it has been idle for the validation window or longer.
    private mutating func assign(
        _ connection: ConnectionID, to waiter: Waiter, _ now: SimInstant, _ actions: inout PoolActions
    ) {
        // Idle for the window or longer, and idle at all: a connection handed straight over needs no ping.
        if case .onBorrow(let window) = config.validation, let info = connections[connection],
            now - info.idleSince >= window, now > info.idleSince
        {
            pinging[connection] = waiter
            actions.append(.validate(connection, for: waiter.request))
            return
        }
        lend(connection, to: waiter.request, &actions)
    }

    private mutating func lend(_ connection: ConnectionID, to request: RequestID, _ actions: inout PoolActions) {
        lent.insert(connection)
        actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: request)))
        actions.append(.lend(connection, to: request))
    }

    /// A connection is free: closed if it outlived its lifetime, else to the head of the line, else idle.
    private mutating func free(_ connection: ConnectionID, _ now: SimInstant, _ actions: inout PoolActions) {
        if connections[connection]?.expired == true {
            close(connection, .maxLifetime, &actions)
            // A waiter whose pinged connection expired may be back in line while another connection is idle.
            serveLine(now, &actions)
            return
        }
        connections[connection]?.idleSince = now
        idle.append(connection)
        serveLine(now, &actions)
    }

    /// Gives idle connections to the line, head first; opens more if it is still long.
    private mutating func serveLine(_ now: SimInstant, _ actions: inout PoolActions) {
        while !waiters.isEmpty, let connection = idle.popLast() {
            assign(connection, to: waiters.removeFirst(), now, &actions)
        }
        openIfNeeded(&actions)
    }

    private mutating func openIfNeeded(_ actions: inout PoolActions) {
        while waiters.count > opening && connections.count + opening < maximumConnections {
            opening += 1
            actions.append(.openConnection)
        }
    }

    /// Closes idle connections idle for the idle timeout or longer, longest idle first, down to min idle.
    private mutating func retireIdle(_ now: SimInstant, _ actions: inout PoolActions) {
        guard let timeout = config.idleTimeout else { return }
        for connection in idle where idle.count > config.minIdle {
            if let info = connections[connection], now - info.idleSince >= timeout {
                idle.removeAll { $0 == connection }
                close(connection, .idleTimeout, &actions)
            }
        }
    }

    private func armHousekeeping(_ now: SimInstant, _ actions: inout PoolActions) {
        guard config.idleTimeout != nil, config.minIdle < maximumConnections else { return }
        actions.append(.scheduleTimer(PoolTimer(.housekeeping), at: now + config.housekeepingInterval))
    }

    private mutating func close(_ connection: ConnectionID, _ reason: CloseReason, _ actions: inout PoolActions) {
        forget(connection, &actions)
        actions.append(.closeConnection(connection, reason))
    }

    private mutating func forget(_ connection: ConnectionID, _ actions: inout PoolActions) {
        lent.remove(connection)
        idle.removeAll { $0 == connection }
        if connections.removeValue(forKey: connection) != nil, config.maxLifetime != nil {
            actions.append(.cancelTimer(PoolTimer(.maxLifetime, connection: connection)))
        }
    }

    /// A borrower whose ping failed goes back in line at its place: before everyone who asked after it.
    private mutating func rejoin(_ waiter: Waiter) {
        let position = waiters.firstIndex { $0.request > waiter.request } ?? waiters.count
        waiters.insert(waiter, at: position)
    }

    /// When a borrower still waiting (in line or for a ping) asked.
    private func since(of request: RequestID) -> SimInstant? {
        if let waiter = waiters.first(where: { $0.request == request }) { return waiter.since }
        return pinging.values.compactMap { $0 }.first { $0.request == request }?.since
    }

    /// Takes a borrower out of the line, or off the ping it waits for; false if it was not waiting.
    private mutating func leave(_ request: RequestID) -> Bool {
        if let index = waiters.firstIndex(where: { $0.request == request }) {
            waiters.remove(at: index)
            return true
        }
        guard let connection = pinging.first(where: { $0.value?.request == request })?.key else { return false }
        pinging[connection] = .some(nil)
        return true
    }
}
