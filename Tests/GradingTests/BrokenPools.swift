import Grading

@testable import Solutions

/// The bug a `BrokenPool` has.
enum PoolBug: Sendable {
    /// When every connection is busy, lends the last one lent again instead of failing.
    case lendsTwice
    /// Serves the newest waiter first.
    case servesNewestFirst
    /// Schedules no borrow timeout.
    case neverTimesOut
    /// Fails a timed-out waiter but leaves it in line, so a connection is later lent to a borrower who left.
    case timesOutButLeaksTheSlot
    /// Reports a leak, then takes the connection back (closes it).
    case reclaimsLeaks
    /// Never reports a leak.
    case neverReportsLeaks
}

protocol BugChoice: Sendable { static var bug: PoolBug { get } }

/// A waiting pool with leak detection, in the shape a learner writes, with one deliberate bug.
struct BrokenPool<Choice: BugChoice>: PoolExercise {
    let config: PoolConfig
    var idle: [ConnectionID] = []
    var lent: [ConnectionID: (request: RequestID, since: SimInstant)] = [:]
    var opening = 0
    var waiters: [(request: RequestID, since: SimInstant)] = []
    var lastLent: ConnectionID?
    var bug: PoolBug { Choice.bug }

    init(config: PoolConfig, seed: UInt64) { self.config = config }

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
                lend(connection, request, now, &actions)
            } else if bug == .lendsTwice, let connection = lastLent,
                idle.count + lent.count + opening >= maximumConnections
            {
                lend(connection, request, now, &actions)
            } else {
                waiters.append((request, now))
                actions.append(.enqueue(request, position: waiters.count))
                if let timeout = config.borrowTimeout, bug != .neverTimesOut {
                    actions.append(.scheduleTimer(PoolTimer(.borrowTimeout, request: request), at: now + timeout))
                }
                while waiters.count > opening && idle.count + lent.count + opening < maximumConnections {
                    opening += 1
                    actions.append(.openConnection)
                }
            }
        case .borrowCancelled(let request):
            guard let index = waiters.firstIndex(where: { $0.request == request }) else { return }
            waiters.remove(at: index)
            actions.append(.failBorrow(request, .cancelled))
        case .timerFired(let timer) where timer.kind == .borrowTimeout:
            guard let request = timer.request, let index = waiters.firstIndex(where: { $0.request == request }) else {
                return
            }
            let waiter = waiters[index]
            if bug != .timesOutButLeaksTheSlot { waiters.remove(at: index) }
            actions.append(
                .failBorrow(
                    request,
                    .timedOut(
                        after: now - waiter.since, total: idle.count + lent.count, active: lent.count, idle: idle.count,
                        waiting: waiters.count + (bug == .timesOutButLeaksTheSlot ? 0 : 1), lastConnectError: nil)))
        case .timerFired(let timer) where timer.kind == .leakDetection:
            guard let connection = timer.connection, let lease = lent[connection] else { return }
            actions.append(.reportLeak(connection, borrower: lease.request, heldFor: now - lease.since))
            if bug == .reclaimsLeaks {
                lent[connection] = nil
                actions.append(.closeConnection(connection, .broken))
            }
        case .connectionOpened(let connection):
            opening -= 1
            free(connection, now, &actions)
        case .connectionReturned(let connection):
            lent[connection] = nil
            actions.append(.cancelTimer(PoolTimer(.leakDetection, connection: connection)))
            free(connection, now, &actions)
        case .connectionClosed(let connection, _), .validationFailed(let connection, _):
            lent[connection] = nil
            idle.removeAll { $0 == connection }
        default:
            break
        }
    }

    private mutating func free(_ connection: ConnectionID, _ now: SimInstant, _ actions: inout PoolActions) {
        guard !waiters.isEmpty else {
            idle.append(connection)
            return
        }
        let waiter = bug == .servesNewestFirst ? waiters.removeLast() : waiters.removeFirst()
        actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: waiter.request)))
        lend(connection, waiter.request, now, &actions)
    }

    private mutating func lend(
        _ connection: ConnectionID, _ request: RequestID, _ now: SimInstant, _ actions: inout PoolActions
    ) {
        lent[connection] = (request, now)
        lastLent = connection
        actions.append(.lend(connection, to: request))
        if let threshold = config.leakDetectionThreshold, bug != .neverReportsLeaks {
            actions.append(.scheduleTimer(PoolTimer(.leakDetection, connection: connection), at: now + threshold))
        }
    }
}

enum LendsTwice: BugChoice { static let bug = PoolBug.lendsTwice }
enum ServesNewestFirst: BugChoice { static let bug = PoolBug.servesNewestFirst }
enum NeverTimesOut: BugChoice { static let bug = PoolBug.neverTimesOut }
enum TimesOutButLeaksTheSlot: BugChoice { static let bug = PoolBug.timesOutButLeaksTheSlot }
enum ReclaimsLeaks: BugChoice { static let bug = PoolBug.reclaimsLeaks }
enum NeverReportsLeaks: BugChoice { static let bug = PoolBug.neverReportsLeaks }

/// The reference stale-connection pool with validation switched off: it hands out connections the server
/// dropped.
struct NeverValidates: PoolExercise {
    var base: Solutions.FreshPool

    init(config: PoolConfig, seed: UInt64) {
        var config = config
        config.validation = .none
        base = Solutions.FreshPool(config: config, seed: seed)
    }

    var metrics: PoolMetrics { base.metrics }
    var maximumConnections: Int { base.maximumConnections }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        base.handle(event, at: now, into: &actions)
    }
}
