@testable import PoolWorld

/// A deliberately small pool, written against the public protocol the way a learner would, with optional
/// bugs, to prove that the simulator's invariant checker catches each one.
struct ToyPool: ConnectionPoolStateMachine {
    enum Bug {
        case none
        /// Lends a connection that is already lent.
        case lendsTwice
        /// Opens one connection more than its size.
        case exceedsLimit
        /// Serves the newest waiter first.
        case servesNewestWaiterFirst
        /// Answers a timed-out borrow twice: fails it, then lends to it anyway.
        case answersTwice
    }

    let size: Int
    let bug: Bug
    var idle: [ConnectionID] = []
    var waiting: [RequestID] = []
    var open = 0
    var opening = 0
    var lentOnce = false

    init(size: Int, bug: Bug = .none) {
        self.size = size
        self.bug = bug
    }

    var metrics: PoolMetrics {
        PoolMetrics(total: open, idle: idle.count, active: open - idle.count, waiting: waiting.count, pending: opening)
    }

    var maximumConnections: Int { size }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        switch event {
        case .borrowRequested(let request):
            if bug == .lendsTwice, lentOnce, open > 0 {
                actions.append(.lend(ConnectionID(1), to: request))
                return
            }
            if let connection = idle.popLast() {
                lentOnce = true
                actions.append(.lend(connection, to: request))
                return
            }
            waiting.append(request)
            let limit = bug == .exceedsLimit ? size + 1 : size
            if open + opening < limit {
                opening += 1
                actions.append(.openConnection)
            }
        case .connectionOpened(let connection):
            opening -= 1
            open += 1
            give(connection, &actions)
        case .connectionReturned(let connection):
            give(connection, &actions)
        case .connectionOpenFailed:
            opening -= 1
        case .connectionClosed(let connection, _), .validationFailed(let connection, _):
            open -= 1
            idle.removeAll { $0 == connection }
        default:
            break
        }
    }

    private mutating func give(_ connection: ConnectionID, _ actions: inout PoolActions) {
        guard !waiting.isEmpty else {
            idle.append(connection)
            return
        }
        let request = bug == .servesNewestWaiterFirst ? waiting.removeLast() : waiting.removeFirst()
        if bug == .answersTwice {
            actions.append(.failBorrow(request, .cancelled))
        }
        lentOnce = true
        actions.append(.lend(connection, to: request))
    }
}
