import PoolWorld

extension PoolHarness {
    // MARK: Between events

    /// What must hold whenever the pool has finished answering an event.
    mutating func checkBetweenEvents() {
        checkGauges()
        guard violation == nil else { return }
        let waiting = waitingCount
        let first = requests.indices.first { requests[$0].state == .waiting }
        if let first, let idle = connections.indices.first(where: { connections[$0].state == .idle }) {
            fail(
                "idle while waiting",
                "r\(first) is waiting while c\(idle) sits idle: a free connection goes to the first waiter")
            return
        }
        let inUse = openCount + count(.opening)
        let retrying = timers.keys.contains { $0.kind == .openRetry }
        if let first, waiting > count(.opening), inUse < config.maxSize + config.maxOverflow, !retrying {
            fail(
                "stalls",
                "r\(first) is waiting, and the pool has room for another connection (\(inUse) of "
                    + "\(config.maxSize) open or opening) but opens none")
            return
        }
        if rules.minIdle { trackShortfall() }
        if count(.idle) > config.minIdle {
            if idleExcessSince == nil { idleExcessSince = now }
        } else {
            idleExcessSince = nil
        }
    }

    /// The pool's own gauges must match the books.
    private mutating func checkGauges() {
        let metrics = pool.metrics
        cover(.metrics)
        let expected = PoolMetrics(
            total: openCount, idle: count(.idle), active: count(.lent) + count(.validating),
            waiting: waitingCount, pending: count(.opening))
        guard
            metrics.total != expected.total || metrics.idle != expected.idle || metrics.active != expected.active
                || metrics.waiting != expected.waiting || metrics.pending != expected.pending
        else { return }
        var hint = ""
        if metrics.waiting > expected.waiting {
            hint = ": a borrower that was served, timed out or gave up is still in your line"
        } else if metrics.active > expected.active {
            hint = ": a connection that came back or broke is still counted as lent"
        } else if metrics.total > expected.total {
            hint = ": a connection that closed or broke is still counted"
        }
        fail(
            "gauges",
            "metrics say \(metrics) (pending=\(metrics.pending)), but the pool has \(expected) "
                + "(pending=\(expected.pending))\(hint)")
    }

    /// Without a queue (exercise 2), a borrower may wait only for a connection being opened for it.
    mutating func afterBorrow(_ number: Int) {
        guard violation == nil, requests[number].state == .waiting else { return }
        if rules.queues {
            if !requests[number].enqueued {
                fail(
                    "enqueue position",
                    "r\(number) waits, but the pool did not say so: append .enqueue(r\(number), position:) when a "
                        + "borrower joins the line")
            }
            return
        }
        if waitingCount > count(.opening) {
            fail(
                "exhaustion",
                "left r\(number) waiting while every connection is busy (\(openCount) of "
                    + "\(config.maxSize) open): this pool does not queue, so fail the borrow at once "
                    + "(PoolError.timedOut after 0ms)")
        }
    }

    // MARK: Deadlines

    /// Everything that had to happen before `time`: timeouts, leak reports, lifetimes, idle timeouts, refills.
    mutating func checkDeadlines(before time: Int64) {
        if rules.timeouts, let timeout = config.borrowTimeout?.nanoseconds {
            for number in requests.indices
            where (requests[number].state == .waiting || requests[number].state == .validating)
                && requests[number].askedAt + timeout < time
            {
                now = requests[number].askedAt + timeout
                fail(
                    "never times out",
                    "r\(number) has waited past the \(SimDuration(nanoseconds: timeout)) borrow timeout and was "
                        + "neither served nor failed: schedule a borrowTimeout timer and fail the borrow when it fires")
                return
            }
        }
        if rules.leakDetection, let threshold = config.leakDetectionThreshold?.nanoseconds {
            for id in connections.indices
            where connections[id].state == .lent && !connections[id].leakReported
                && connections[id].lentAt + threshold < time
            {
                now = connections[id].lentAt + threshold
                fail(
                    "never reports",
                    "c\(id) has been lent to r\(connections[id].holder) for longer than the "
                        + "\(SimDuration(nanoseconds: threshold)) leak threshold and no leak was reported")
                return
            }
        }
        if rules.staleness { checkStaleDeadlines(before: time) }
        if rules.minIdle, let since = shortfallSince, since + refillAllowance < time {
            now = since + refillAllowance
            fail(
                "no refill",
                "the pool has had fewer than min idle (\(config.minIdle)) connections idle or opening for "
                    + "\(SimDuration(nanoseconds: refillAllowance)), and did nothing: refill after a fault, at the "
                    + "latest at the next housekeeping (\(config.housekeepingInterval))")
        }
    }

    private mutating func checkStaleDeadlines(before time: Int64) {
        if let lifetime = config.maxLifetime?.nanoseconds {
            for id in connections.indices
            where connections[id].state == .idle && connections[id].openedAt + lifetime < time {
                now = connections[id].openedAt + lifetime
                fail(
                    "outlives lifetime",
                    "c\(id) is still open and idle at the end of its \(SimDuration(nanoseconds: lifetime)) max "
                        + "lifetime: close it when its (jittered) lifetime ends, or when it comes back after that")
                return
            }
        }
        if let timeout = config.idleTimeout?.nanoseconds, let excessSince = idleExcessSince {
            let interval = config.housekeepingInterval.nanoseconds
            for id in connections.indices where connections[id].state == .idle {
                // Due once idle for the timeout while the pool has more idle than its minimum, at the next
                // housekeeping.
                let due = max(connections[id].idleSince + timeout, excessSince) + interval
                guard due < time else { continue }
                now = due
                fail(
                    "idle timeout",
                    "c\(id) has been idle for over \(SimDuration(nanoseconds: timeout)) (the idle timeout) plus a "
                        + "housekeeping interval, with \(count(.idle)) idle and min idle \(config.minIdle): close it")
                return
            }
        }
    }

    // MARK: Stale connections (exercise 5)

    /// A connection lent must be alive as far as the pool could know: validated if it was idle long enough,
    /// and not past its lifetime.
    mutating func checkFresh(_ id: Int, for number: Int) {
        let connection = connections[id]
        if let due = lifetimeDue[id], now >= due {
            fail(
                "stale",
                "lent c\(id) to r\(number) at age \(SimDuration(nanoseconds: now - connection.openedAt)), after its "
                    + "lifetime ended at \(SimInstant(nanoseconds: due)) (your pool's own maxLifetime timer, jitter "
                    + "included)")
            return
        }
        if let lifetime = config.maxLifetime?.nanoseconds, now - connection.openedAt >= lifetime {
            fail(
                "stale",
                "lent c\(id) to r\(number) at age \(SimDuration(nanoseconds: now - connection.openedAt)), past its "
                    + "\(SimDuration(nanoseconds: lifetime)) max lifetime")
            return
        }
        // A connection handed straight from one borrower (or from opening) to a waiter has not sat idle.
        let idleFor = now - connection.idleSince
        guard case .onBorrow(let window) = config.validation, connection.validatedFor != number, idleFor > 0,
            idleFor >= window.nanoseconds
        else { return }
        let shownIdle = SimDuration(nanoseconds: idleFor)
        let dead = connection.diedAt.map { ", and the server had dropped it at \(SimInstant(nanoseconds: $0))" } ?? ""
        fail(
            "stale",
            "lent c\(id) to r\(number) without validating it, after \(shownIdle) idle\(dead): validation on borrow "
                + "pings a connection idle for \(window) or more before lending it")
    }

    mutating func checkCloseReason(_ id: Int, _ reason: CloseReason) {
        let connection = connections[id]
        switch reason {
        case .maxLifetime:
            guard let lifetime = config.maxLifetime else {
                fail("close", "closed c\(id) for max lifetime, but max lifetime is off")
                return
            }
            let earliest = Int64(Double(lifetime.nanoseconds) * (1 - config.lifetimeJitter)) - 1
            let age = now - connection.openedAt
            if age < earliest {
                fail(
                    "early close",
                    "closed c\(id) for max lifetime at age \(SimDuration(nanoseconds: age)); its lifetime is "
                        + "\(lifetime) less at most \(config.lifetimeJitter * 100)% jitter")
            }
        case .idleTimeout:
            guard let timeout = config.idleTimeout else {
                fail("close", "closed c\(id) for idle timeout, but the idle timeout is off")
                return
            }
            let idleFor = now - connection.idleSince
            if idleFor < timeout.nanoseconds {
                fail(
                    "early close",
                    "closed c\(id) for idle timeout after \(SimDuration(nanoseconds: idleFor)) idle; the idle timeout "
                        + "is \(timeout)")
            } else if count(.idle) <= config.minIdle {
                fail(
                    "below min idle",
                    "closed c\(id) for idle timeout with only \(count(.idle)) idle: the idle timeout never takes the "
                        + "pool below min idle (\(config.minIdle))")
            }
        default:
            break
        }
    }

    /// Connections opened at the same instant must not all reach their lifetime at the same instant.
    mutating func checkJitter() {
        guard violation == nil, config.lifetimeJitter > 0 else { return }
        let byOpening = Dictionary(grouping: lifetimeCloses, by: \.opened)
        for (opened, closes) in byOpening.sorted(by: { $0.key < $1.key }) where closes.count >= 3 {
            if Set(closes.map(\.closed)).count == 1 {
                fail(
                    "no jitter",
                    "\(closes.count) connections opened at \(SimInstant(nanoseconds: opened)) all closed for max "
                        + "lifetime at \(SimInstant(nanoseconds: closes[0].closed)): shorten each lifetime by a "
                        + "random fraction up to lifetimeJitter, so they do not all reconnect at once")
                return
            }
        }
    }

    // MARK: Warm-up and min idle (exercise 6)

    var refillAllowance: Int64 { config.housekeepingInterval.nanoseconds + 1_000_000 }

    /// Warm-up opens at start, all of min idle at once or one after another (the rest is the refill deadline's
    /// to judge: min idle must be reached by the next housekeeping).
    mutating func checkWarmUp() {
        guard config.minIdle > 0 else { return }
        cover(.warmedUp)
        if count(.opening) == 0 {
            fail(
                "no warm-up",
                "after start the pool opened no connection; min idle is \(config.minIdle): open them at start, "
                    + "before anyone asks")
        }
    }

    private mutating func trackShortfall() {
        let ready = count(.idle) + count(.opening) - waitingCount
        let room = openCount + count(.opening) < config.maxSize
        let retrying = timers.keys.contains { $0.kind == .openRetry }
        if ready < config.minIdle && room && !retrying {
            if shortfallSince == nil {
                shortfallSince = now
                cover(.refilled)
            }
        } else {
            shortfallSince = nil
        }
    }
}
