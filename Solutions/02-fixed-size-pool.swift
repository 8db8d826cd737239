import Grading

// Reference solution for Exercises/02-fixed-size-pool.swift (lesson 03-borrow-and-backpressure).

/// A pool of at most `config.maxSize` connections, opened on demand, that never queues: a borrow that finds
/// every connection busy fails at once.
struct FixedSizePool: PoolExercise {
    let config: PoolConfig
    /// Free connections; the most recently returned is lent first (it is the warmest).
    var idle: [ConnectionID] = []
    var lent: Set<ConnectionID> = []
    /// Connections asked for and not yet open.
    var opening = 0
    /// Borrowers waiting for a connection being opened, oldest first.
    var waiting: [RequestID] = []

    init(config: PoolConfig, seed: UInt64) {
        self.config = config
    }

    var metrics: PoolMetrics {
        PoolMetrics(
            total: idle.count + lent.count, idle: idle.count, active: lent.count, waiting: waiting.count,
            pending: opening)
    }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        switch event {
        case .borrowRequested(let request):
            if let connection = idle.popLast() {
                lend(connection, to: request, &actions)
            } else if idle.count + lent.count + opening < config.maxSize {
                waiting.append(request)
                opening += 1
                actions.append(.openConnection)
            } else {
                let full = PoolError.poolFull(total: lent.count, active: lent.count, idle: 0, waiting: waiting.count)
                actions.append(.failBorrow(request, full))
            }
        case .connectionOpened(let connection):
            opening -= 1
            free(connection, &actions)
        case .connectionOpenFailed(_, let error):
            opening -= 1
            if waiting.count > opening {
                actions.append(.failBorrow(waiting.removeFirst(), .connectFailed(error)))
            }
        case .connectionReturned(let connection):
            lent.remove(connection)
            free(connection, &actions)
        case .connectionClosed(let connection, _), .validationFailed(let connection, _):
            // Every waiter has a connection on its way, so nobody needs a new one: forget it.
            lent.remove(connection)
            idle.removeAll { $0 == connection }
        default:
            break
        }
    }

    /// A connection became free: the oldest waiter gets it, or it waits in the idle list.
    private mutating func free(_ connection: ConnectionID, _ actions: inout PoolActions) {
        if waiting.isEmpty {
            idle.append(connection)
        } else {
            lend(connection, to: waiting.removeFirst(), &actions)
        }
    }

    private mutating func lend(_ connection: ConnectionID, to request: RequestID, _ actions: inout PoolActions) {
        lent.insert(connection)
        actions.append(.lend(connection, to: request))
    }
}
