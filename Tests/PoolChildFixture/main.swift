// A stand-in for the learner's `poolschool-pool` in ShellTests: the real child protocol (LearnerPoolChild)
// with pools whose behaviour the test chooses through FIXTURE_POOL — a sound pool, one that traps, one that
// loops forever — so the shell's handling of each is tested without building Exercises/ (minutes).
import Foundation
import Grading
import PoolWorld
import Shell

/// A small, correct waiting pool: first come first served, LIFO idle, borrow timeouts, open on demand.
struct SoundPool: PoolExercise {
    let config: PoolConfig
    var idle: [ConnectionID] = []
    var lent: Set<ConnectionID> = []
    var opening = 0
    var waiters: [(request: RequestID, since: SimInstant)] = []

    init(config: PoolConfig, seed: UInt64) {
        self.config = config
    }

    var maximumConnections: Int { config.maxSize + config.maxOverflow }

    var metrics: PoolMetrics {
        PoolMetrics(
            total: idle.count + lent.count, idle: idle.count, active: lent.count, waiting: waiters.count,
            pending: opening)
    }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        switch event {
        case .borrowRequested(let request):
            if waiters.isEmpty, let connection = idle.popLast() {
                lent.insert(connection)
                actions.append(.lend(connection, to: request))
                return
            }
            waiters.append((request, now))
            if let timeout = config.borrowTimeout {
                actions.append(.scheduleTimer(PoolTimer(.borrowTimeout, request: request), at: now + timeout))
            }
            actions.append(.enqueue(request, position: waiters.count))
            open(&actions)
        case .timerFired(let timer):
            guard let request = timer.request, let index = waiters.firstIndex(where: { $0.request == request })
            else { return }
            let waiter = waiters.remove(at: index)
            actions.append(
                .failBorrow(
                    request,
                    .timedOut(
                        after: now - waiter.since, total: idle.count + lent.count, active: lent.count,
                        idle: idle.count, waiting: waiters.count + 1, lastConnectError: nil)))
        case .borrowCancelled(let request):
            guard let index = waiters.firstIndex(where: { $0.request == request }) else { return }
            waiters.remove(at: index)
            actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: request)))
            actions.append(.failBorrow(request, .cancelled))
        case .connectionOpened(let connection):
            opening -= 1
            free(connection, &actions)
        case .connectionOpenFailed:
            opening -= 1
            open(&actions)
        case .connectionReturned(let connection):
            lent.remove(connection)
            free(connection, &actions)
        case .connectionClosed(let connection, _):
            lent.remove(connection)
            idle.removeAll { $0 == connection }
            open(&actions)
        default:
            break
        }
    }

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

    private mutating func open(_ actions: inout PoolActions) {
        while waiters.count > opening && idle.count + lent.count + opening < maximumConnections {
            opening += 1
            actions.append(.openConnection)
        }
    }
}

/// Traps on the hundredth borrow, as a learner's out-of-range index would.
struct TrappingPool: PoolExercise {
    var inner: SoundPool
    var borrows = 0

    init(config: PoolConfig, seed: UInt64) {
        inner = SoundPool(config: config, seed: seed)
    }

    var config: PoolConfig { inner.config }
    var maximumConnections: Int { inner.maximumConnections }
    var metrics: PoolMetrics { inner.metrics }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        if case .borrowRequested = event {
            borrows += 1
            let seen = [Int](repeating: 0, count: 99)
            _ = seen[borrows]  // Index out of range at the 100th borrow.
        }
        inner.handle(event, at: now, into: &actions)
    }
}

/// Never returns from its first borrow.
struct LoopingPool: PoolExercise {
    var inner: SoundPool
    var spins = 0

    init(config: PoolConfig, seed: UInt64) {
        inner = SoundPool(config: config, seed: seed)
    }

    var config: PoolConfig { inner.config }
    var maximumConnections: Int { inner.maximumConnections }
    var metrics: PoolMetrics { inner.metrics }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        while case .borrowRequested = event, spins >= 0 { spins &+= 1 }
        inner.handle(event, at: now, into: &actions)
    }
}

let chosen: any PoolExercise.Type =
    switch ProcessInfo.processInfo.environment["FIXTURE_POOL"] {
    case "trap": TrappingPool.self
    case "loop": LoopingPool.self
    default: SoundPool.self
    }
exit(LearnerPoolChild.main(pools: [GradedExercise.waitingPool.name: chosen]))
