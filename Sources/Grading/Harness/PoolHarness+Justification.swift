import PoolWorld

/// The specification side of the harness: every action a pool takes must be justified by its exercise at that
/// instant. An open needs a borrower or min idle to need it, a failure needs its reason (a timeout that passed,
/// a borrower that gave up, an open that failed for the borrower it goes to), a close needs its reason, a ping
/// needs a connection idle long enough, and every value an action carries must be the one the exercise states.
extension PoolHarness {
    // MARK: Opens

    /// After an event's answer: the opens it asked for must all be needed, by a waiter with no connection on its
    /// way, or (with warm-up) by min idle. Opens asked for earlier may outlive their need (their borrower was
    /// served by a returned connection meanwhile); new ones may not, except that a newcomer who finds nothing
    /// idle may always ask for one of its own (exercise 2's stub says so; counting the surplus is as right).
    mutating func checkOpensNeeded() {
        guard opensThisEvent > 0 else { return }
        let opening = count(.opening)
        let before = opening - opensThisEvent
        var newcomer = 0
        if case .borrowRequested(let request) = event, requests[request.number].state == .waiting { newcomer = 1 }
        let needed = max(before + newcomer, waitingCount + config.minIdle - count(.idle))
        guard opening > needed else { return }
        let why =
            config.minIdle > 0
            ? "\(waitingCount) waiting, \(count(.idle)) idle and min idle \(config.minIdle)"
            : "\(waitingCount) waiting"
        fail(
            "unjustified open",
            "asked for \(opensThisEvent) connection(s) while \(opening) are now opening for \(why): open one "
                + "connection for each waiter that has none on its way\(config.minIdle > 0 ? ", then up to min idle" : ""), "
                + "and no more")
    }

    /// An open while a retry is pending (exercise 6: wait for the retry timer).
    mutating func checkNoOpenDuringRetry() {
        guard rules.retries, let retry = timers.keys.first(where: { $0.kind == .openRetry }) else { return }
        fail(
            "opens during retry",
            "opened a connection while its retry timer \(retry) is pending: after a failed open, open nothing "
                + "until the retry timer fires")
    }

    // MARK: Failures

    /// A failure that is neither a timeout nor a cancellation needs its own reason.
    mutating func justifyFailure(_ number: Int, _ error: PoolError) {
        switch error {
        case .shutDown:
            fail(
                "unjustified failure",
                "failed r\(number) with \(error), but the pool was never shut down: fail a borrow only when the "
                    + "exercise says (a timeout, a borrower giving up\(rules.queues ? "" : ", no room left"))")
        case .connectFailed(let sent):
            let waiting = requests.indices.first { requests[$0].state == .waiting }
            guard case .connectionOpenFailed(_, let failed) = event else {
                fail(
                    "unjustified failure",
                    "failed r\(number) with \(error), but no open has just failed: pass an open's error on only "
                        + "when it fails")
                return
            }
            if rules.queues && !config.failBorrowOnConnectError {
                fail(
                    "unjustified failure",
                    "failed r\(number) with \(error) when an open failed: this pool keeps its waiters (they wait "
                        + "for another connection or their timeout; failBorrowOnConnectError is off)")
            } else if sent != failed {
                fail("unjustified failure", "failed r\(number) with \(sent), but the open failed with \(failed)")
            } else if waiting != number {
                fail(
                    "unjustified failure",
                    "failed r\(number) with the open's error, but the oldest borrower waiting for a connection is "
                        + (waiting.map { "r\($0)" } ?? "nobody") + ": the error goes to the oldest waiter")
            } else if waitingCount <= count(.opening) {
                fail(
                    "unjustified failure",
                    "failed r\(number) with the open's error, but \(count(.opening)) connection(s) still on their way "
                        + "can serve the \(waitingCount) waiting: fail a borrower only when none is left for it")
            }
        case .timedOut, .poolFull, .cancelled:
            break
        }
    }

    /// The error HikariCP's pool sends when a waiter times out, as the exercise states it: the pool as the
    /// borrower saw it, itself still counted as waiting.
    func expectedTimeout(for number: Int, waited: Int64, sent: PoolError) -> PoolError {
        let waiting = waitingCount + (requests[number].state == .validating ? 1 : 0)
        var lastError: DatabaseError?
        // HikariCP names the last connect error; the stubs send nil. Either is right.
        if case .timedOut(_, _, _, _, _, let named?) = sent, consecutiveOpenFailures > 0, named == lastOpenError {
            lastError = named
        }
        return .timedOut(
            after: SimDuration(nanoseconds: waited), total: openCount,
            active: count(.lent) + count(.validating), idle: count(.idle), waiting: waiting, lastConnectError: lastError
        )
    }

    /// The error exercise 2 sends when there is no room: the pool as it is, and the other waiters (for
    /// connections being opened) only.
    var expectedExhaustion: PoolError {
        .poolFull(
            total: openCount, active: count(.lent) + count(.validating), idle: count(.idle), waiting: waitingCount - 1)
    }

    /// `poolFull` in its deprecated spelling, `.timedOut(after: .zero, …)`, which pools written before
    /// `poolFull` send and the grader still accepts.
    static func asZeroTimeout(_ error: PoolError) -> PoolError {
        guard case .poolFull(let total, let active, let idle, let waiting) = error else { return error }
        return .timedOut(
            after: .zero, total: total, active: active, idle: idle, waiting: waiting, lastConnectError: nil)
    }

    // MARK: Closes

    /// Why the pool may close an idle, healthy connection.
    mutating func justifyClose(_ id: Int, _ reason: CloseReason) {
        switch reason {
        case .maxLifetime, .idleTimeout:
            checkCloseReason(id, reason)
        case .overflow:
            if openCount <= config.maxSize || waitingCount > 0 {
                fail(
                    "unjustified close",
                    "closed c\(id) as overflow with \(openCount) open (size \(config.maxSize)) and "
                        + "\(waitingCount) waiting: only a connection above maxSize, with nobody waiting, is overflow")
            }
        case .validationFailed:
            fail("unjustified close", "closed c\(id) for a failed validation, but c\(id) passed or had no ping")
        case .broken, .shutdown:
            fail(
                "unjustified close",
                "closed c\(id) (\(reason)), a healthy idle connection: the pool was not shut down and c\(id) did not "
                    + "break (the pool hears of that through connectionClosed)")
        }
    }

    // MARK: Pings and the line

    /// A ping must be one the configuration asks for.
    mutating func justifyPing(_ id: Int, for number: Int) {
        guard number > 0 else {
            if config.keepAliveInterval == nil {
                fail("unjustified ping", "pinged c\(id) as a keep-alive, but keep-alive is off")
            }
            return
        }
        guard case .onBorrow(let window) = config.validation else {
            fail("unjustified ping", "validated c\(id) for r\(number), but validation is off: lend it as it is")
            return
        }
        let idleFor = now - connections[id].idleSince
        if idleFor == 0 {
            fail(
                "unjustified ping",
                "validated c\(id) for r\(number), but c\(id) was in use (or just opened or pinged) this very "
                    + "instant: a connection handed straight over needs no ping")
        } else if idleFor < window.nanoseconds {
            fail(
                "unjustified ping",
                "validated c\(id) for r\(number) after \(SimDuration(nanoseconds: idleFor)) idle; only a connection "
                    + "idle for \(window) or more is pinged (HikariCP trusts one used recently)")
        }
        cover(.pinged)
    }

    /// `enqueue`'s position is the borrower's place in line: 1 + those waiting who asked before it.
    mutating func checkPosition(_ number: Int, _ position: Int) {
        let place = requests.indices.filter { $0 <= number && requests[$0].state == .waiting }.count
        guard position != place else { return }
        fail(
            "enqueue position",
            "put r\(number) in line at position \(position), but it is number \(place) in line (1 is the head)")
    }

    // MARK: Timers

    /// Keeps what the pool's timers say about the exercise's own numbers: a connection's jittered lifetime, and
    /// a retry's delay.
    mutating func noteTimer(_ timer: PoolTimer, at time: Int64) {
        scheduledAt[timer] = now
        switch timer.kind {
        case .maxLifetime:
            if let connection = timer.connection { lifetimeDue[Int(connection.rawValue)] = time }
        case .openRetry where rules.retries:
            checkRetryDelay(timer, at: time)
        default:
            break
        }
    }

    /// The retry delay: retryDelay, 1.25 times longer per failure in a row, at most maxRetryDelay.
    private mutating func checkRetryDelay(_ timer: PoolTimer, at time: Int64) {
        guard consecutiveOpenFailures > 0 else {
            fail("retry delay", "scheduled \(timer), but no open has failed since the last one succeeded")
            return
        }
        if let pending = timers.keys.first(where: { $0.kind == .openRetry }) {
            fail(
                "retry delay",
                "scheduled \(timer) while the retry \(ActionText.describe(pending)) is still pending: one retry at a "
                    + "time (a failure while a retry is pending schedules nothing)")
            return
        }
        // A retry blocks every open until it fires: only schedule one that a waiter or min idle needs.
        let ready = count(.idle) + count(.opening) - waitingCount
        guard waitingCount > count(.opening) || ready < config.minIdle else {
            fail(
                "retry delay",
                "scheduled \(timer), but nobody needs a connection now (\(waitingCount) waiting, \(count(.opening)) "
                    + "opening, \(count(.idle)) idle, min idle \(config.minIdle)): retry only what is still needed, "
                    + "and open again when the next need comes")
            return
        }
        var delay = Double(config.retryDelay.nanoseconds)
        for _ in 1..<consecutiveOpenFailures { delay *= 1.25 }
        let capped = delay >= Double(config.maxRetryDelay.nanoseconds)
        let expected = capped ? config.maxRetryDelay.nanoseconds : Int64(delay)
        let sent = time - now
        // A microsecond of slack for another way of computing 1.25ⁿ.
        guard abs(sent - expected) > 1_000 else {
            cover(capped ? .retryCapped : .retryScheduled)
            return
        }
        fail(
            "retry delay",
            "scheduled the retry after \(SimDuration(nanoseconds: sent)) following \(consecutiveOpenFailures) "
                + "failed open(s) in a row; expected \(SimDuration(nanoseconds: expected)) (retryDelay "
                + "\(config.retryDelay) × 1.25 per failure after the first, at most \(config.maxRetryDelay))")
    }

    /// The stubs say to cancel a waiter's timeout when it is served (or gives up), and a lease's leak timer when
    /// the lease ends: such a timer must never fire.
    mutating func checkNotStale(_ timer: PoolTimer) {
        switch timer.kind {
        case .borrowTimeout where rules.timeouts:
            guard let request = timer.request?.number, requests.indices.contains(request),
                requests[request].state != .waiting, requests[request].state != .validating
            else { return }
            fail(
                "stale timer",
                "timer \(ActionText.describe(timer)) fired, but \(describeRequest(request)): cancel a waiter's "
                    + "borrowTimeout timer when it is served or gives up (.cancelTimer)")
        case .leakDetection where rules.leakDetection:
            guard let id = timer.connection.map({ Int($0.rawValue) }), known(id) else { return }
            let lease = connections[id]
            guard lease.state != .lent || lease.lentAt > scheduledAt[timer, default: now] else { return }
            fail(
                "stale timer",
                "timer \(ActionText.describe(timer)) fired after the lease it was set for ended: cancel a lease's "
                    + "leakDetection timer when the connection comes back (.cancelTimer)")
        default:
            return
        }
    }

    func known(_ id: Int) -> Bool { id > 0 && id < connections.count }

    /// A connection that passed its ping goes to the borrower it was pinged for, unless its lifetime ended
    /// meanwhile.
    mutating func checkLentAfterPing(_ id: Int, to borrower: Int) {
        guard violation == nil, borrower > 0, requests[borrower].state == .waiting, connections[id].state == .idle
        else { return }
        if let due = lifetimeDue[id], due <= now { return }
        if lifetimeDue[id] == nil, let lifetime = config.maxLifetime,
            Double(now - connections[id].openedAt) >= Double(lifetime.nanoseconds) * (1 - config.lifetimeJitter)
        {
            return
        }
        fail(
            "validate",
            "c\(id) passed its ping for r\(borrower), but the pool did not lend it to r\(borrower): on "
                + ".validationSucceeded lend the connection to the borrower it was pinged for")
    }

    /// After housekeeping, no connection may stay idle for the idle timeout or longer while more than min idle
    /// are idle.
    mutating func checkHousekeeping() {
        guard violation == nil, rules.staleness, let timeout = config.idleTimeout?.nanoseconds,
            count(.idle) > config.minIdle,
            let stale = connections.indices.first(where: {
                connections[$0].state == .idle && now - connections[$0].idleSince >= timeout
            })
        else { return }
        fail(
            "idle timeout",
            "housekeeping left c\(stale) open after \(SimDuration(nanoseconds: now - connections[stale].idleSince)) "
                + "idle (the idle timeout is \(SimDuration(nanoseconds: timeout)); \(count(.idle)) idle, min idle "
                + "\(config.minIdle)): close connections idle that long or longer")
    }

    /// After a failed open that a waiter or min idle still needs (with room for it), a retry is on its way.
    mutating func checkRetryScheduled() {
        guard violation == nil, rules.retries, !timers.keys.contains(where: { $0.kind == .openRetry }) else { return }
        let ready = count(.idle) + count(.opening) - waitingCount
        let room = openCount + count(.opening) < config.maxSize
        guard waitingCount > count(.opening) || (ready < config.minIdle && room) else { return }
        fail(
            "retry delay",
            "an open failed while \(waitingCount) waiting and min idle \(config.minIdle) still need a connection "
                + "(\(count(.idle)) idle, \(count(.opening)) opening), and no retry was scheduled: schedule "
                + "PoolTimer(.openRetry) after the failure")
    }

    mutating func cover(_ situation: Situation) {
        coverage[situation, default: 0] += 1
    }
}
