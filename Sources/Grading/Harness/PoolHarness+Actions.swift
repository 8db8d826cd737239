import PoolWorld

extension PoolHarness {
    /// Carries out one action, refusing it (and naming the broken rule) when the pool has no right to it.
    mutating func carryOut(_ action: PoolAction) {
        switch action {
        case .lend(let connection, let request):
            lend(Int(connection.rawValue), to: request.number)
        case .enqueue(let request, let position):
            let number = request.number
            if !isPending(number) {
                fail("answered twice", "put r\(number) in line, but \(describeRequest(number))")
            } else if requests[number].enqueued {
                fail("enqueue position", "put r\(number) in line twice: once in line, it keeps its place")
            } else {
                requests[number].enqueued = true
                checkPosition(number, position)
            }
        case .openConnection:
            openConnection()
        case .closeConnection(let connection, let reason):
            close(Int(connection.rawValue), reason)
        case .validate(let connection, let request):
            validate(Int(connection.rawValue), for: request?.number ?? 0)
        case .failBorrow(let request, let error):
            failBorrow(request.number, error)
        case .scheduleTimer(let timer, let instant):
            noteTimer(timer, at: max(now, instant.nanoseconds))
            schedule(.timer(timer), at: max(now, instant.nanoseconds))
        case .cancelTimer(let timer):
            timers[timer] = nil
            if timer.kind == .maxLifetime, let connection = timer.connection {
                lifetimeDue[Int(connection.rawValue)] = nil
            }
        case .reportLeak(let connection, let borrower, let heldFor):
            reportLeak(Int(connection.rawValue), borrower.number, heldFor)
        case .reportUnleaked(let connection, let heldFor):
            let id = Int(connection.rawValue)
            guard known(id), connections[id].leakReported, connections[id].state != .lent else {
                fail("leak report", "reported c\(id) as returned after a leak, but it was never reported leaked")
                return
            }
            let held = now - connections[id].lentAt
            guard heldFor.nanoseconds == held else {
                fail(
                    "unleaked",
                    "reported c\(id) returned after \(heldFor), but it was held for \(SimDuration(nanoseconds: held))")
                return
            }
            cover(.unleaked)
            connections[id].leakReported = false
        }
    }

    private func isPending(_ number: Int) -> Bool {
        number > 0 && number < requests.count
            && (requests[number].state == .waiting || requests[number].state == .validating)
    }

    /// Why a borrow cannot be answered: `it already holds c1`, `its borrow already ended at t=0.200s (timed out)`.
    func describeRequest(_ number: Int) -> String {
        guard number > 0, number < requests.count else { return "r\(number) never asked for a connection" }
        let request = requests[number]
        switch request.state {
        case .waiting, .validating: return "r\(number) is waiting"
        case .holding: return "r\(number) already holds c\(request.connection)"
        case .done: return "r\(number) already returned its connection"
        case .failed:
            return
                "r\(number)'s borrow already ended at \(SimInstant(nanoseconds: request.endedAt)) (\(request.ending))"
        }
    }

    private mutating func lend(_ id: Int, to number: Int) {
        guard known(id), connections[id].state != .opening else {
            fail("lend unknown", "lent c\(id), which \(known(id) ? "is still opening" : "this pool never opened")")
            return
        }
        let connection = connections[id]
        switch connection.state {
        case .lent:
            fail(
                "lends twice",
                "lent c\(id) to r\(number) while r\(connection.holder) still holds it: a connection has one borrower "
                    + "at a time")
            return
        case .closed:
            fail("lends closed", "lent c\(id) to r\(number), but c\(id) is closed")
            return
        case .failedPing:
            fail("stale", "lent c\(id) to r\(number), but c\(id) has just failed its validation ping")
            return
        case .validating where connection.validatingFor != number:
            fail(
                "lends twice", "lent c\(id) to r\(number) while it was being validated for r\(connection.validatingFor)"
            )
            return
        default:
            break
        }
        guard isPending(number) else {
            let lost = requests.indices.contains(number) && requests[number].state == .failed
            fail(
                lost ? "lends to a borrower who left" : "answered twice",
                "lent c\(id) to r\(number), but \(describeRequest(number))"
                    + (lost ? ": the connection is lent to nobody, and its slot is lost" : ""))
            return
        }
        // A borrower was served when its validation ping started; the lend after the ping is not a new choice.
        if connection.validatedFor != number { checkOrder(serving: number, with: id) }
        guard violation == nil else { return }
        if rules.staleness { checkFresh(id, for: number) }
        guard violation == nil else { return }
        cover(connection.lentAt > 0 || connection.holder > 0 ? .lendAfterUse : .lend)
        if waitingCount >= 2 { cover(.choiceOfWaiters) }
        cover(.borrowEnded)
        connections[id].state = .lent
        connections[id].holder = number
        connections[id].lentAt = now
        connections[id].leakReported = false
        connections[id].validatedFor = 0
        requests[number].state = .holding
        requests[number].connection = id
    }

    /// First come, first served: nobody still waiting may have asked before the borrower served now.
    private mutating func checkOrder(serving number: Int, with id: Int) {
        guard let earlier = requests.indices.first(where: { $0 > 0 && $0 < number && requests[$0].state == .waiting })
        else { return }
        fail(
            "order",
            "served r\(number) (with c\(id)) before r\(earlier), which asked earlier and is still waiting: "
                + "waiters must be served first come, first served")
    }

    private mutating func openConnection() {
        let inUse = openCount + count(.opening)
        let maximum = config.maxSize + config.maxOverflow
        guard inUse < maximum else {
            fail(
                "exceeds maximum",
                "opened a connection while \(inUse) were already open or opening: the pool's maximum is \(maximum)")
            return
        }
        checkNoOpenDuringRetry()
        guard violation == nil else { return }
        opensThisEvent += 1
        if inUse >= config.maxSize { cover(.overflowOpen) }
        connections.append(Connection())
        var delay = Self.openDelay
        if opensToSlow > 0 {
            opensToSlow -= 1
            delay = Self.slowOpenDelay
            if waitingCount > 0 { cover(.slowOpen) }
        }
        schedule(.opened(connections.count - 1), at: now + delay)
    }

    private mutating func close(_ id: Int, _ reason: CloseReason) {
        guard known(id) else {
            fail("close", "closed c\(id), which this pool never opened")
            return
        }
        switch connections[id].state {
        case .opening:
            fail("close", "closed c\(id) before it finished opening")
        case .closed:
            fail("close", "closed c\(id) twice (or after it broke)")
        case .lent:
            let holder = connections[id].holder
            fail(
                rules.leakDetection ? "reclaims" : "close",
                "closed c\(id) while r\(holder) holds it"
                    + (rules.leakDetection
                        ? ": leak detection reports a long lease and never takes the connection back" : ""))
        case .validating:
            fail("close", "closed c\(id) while a validation ping was running on it")
        case .failedPing:
            guard reason == .validationFailed else {
                fail("close", "closed c\(id), which failed its ping, as \(reason): the reason is .validationFailed")
                return
            }
            cover(.closedForReason)
            connections[id].state = .closed
        case .idle:
            justifyClose(id, reason)
            guard violation == nil else { return }
            cover(.closedForReason)
            if reason == .idleTimeout { cover(.idleTimeoutClose) }
            if reason == .maxLifetime { lifetimeCloses.append((connections[id].openedAt, now)) }
            connections[id].state = .closed
        }
    }

    private mutating func validate(_ id: Int, for number: Int) {
        guard known(id), connections[id].state == .idle else {
            let state = known(id) ? "\(connections[id].state)" : "not a connection of this pool"
            fail("validate", "validated c\(id), which is \(state): only an idle connection can be pinged")
            return
        }
        justifyPing(id, for: number)
        guard violation == nil else { return }
        if number > 0 {
            guard isPending(number), requests[number].state == .waiting else {
                fail("answered twice", "validated c\(id) for r\(number), but \(describeRequest(number))")
                return
            }
            checkOrder(serving: number, with: id)
            guard violation == nil else { return }
            requests[number].state = .validating
            // Back in line after a failed ping, it may be enqueued again (at its old place).
            requests[number].enqueued = false
        }
        connections[id].state = .validating
        connections[id].validatingFor = number
        var delay = Self.pingDelay
        if pingsToSlow > 0 {
            pingsToSlow -= 1
            delay = Self.slowPingDelay
        }
        schedule(.pinged(id), at: now + delay)
    }

    private mutating func failBorrow(_ number: Int, _ error: PoolError) {
        guard isPending(number) else {
            fail("answered twice", "failed r\(number) (\(error)), but \(describeRequest(number))")
            return
        }
        let waited = now - requests[number].askedAt
        switch error {
        case .timedOut, .poolFull:
            checkTimeout(number, error, waited: waited)
        case .cancelled:
            if !requests[number].cancelled {
                fail("fails early", "failed r\(number) as cancelled, but r\(number) never gave up")
            }
        case .connectFailed, .shutDown:
            justifyFailure(number, error)
        }
        guard violation == nil else { return }
        cover(.borrowEnded)
        if requests[number].state == .validating,
            let id = connections.indices.first(where: {
                connections[$0].state == .validating && connections[$0].validatingFor == number
            })
        {
            connections[id].validatingFor = 0
        }
        requests[number].state = .failed
        requests[number].endedAt = now
        requests[number].ending = error.isTimeout ? "timed out" : "\(error)"
    }

    private mutating func checkTimeout(_ number: Int, _ sent: PoolError, waited: Int64) {
        guard rules.queues else {
            guard count(.idle) == 0, openCount + count(.opening) >= config.maxSize + config.maxOverflow
            else {
                fail(
                    "fails early",
                    "failed r\(number) as exhausted, but the pool had \(count(.idle)) idle connection(s) and "
                        + "\(openCount + count(.opening)) of \(config.maxSize) open or opening")
                return
            }
            let expected = expectedExhaustion
            // The older spelling, a timeout after zero, counts the same while it is deprecated.
            guard sent == expected || sent == Self.asZeroTimeout(expected) else {
                fail(
                    "exhaustion error",
                    "failed r\(number) as exhausted with \"\(sent)\"; expected \"\(expected)\" (.poolFull: total = "
                        + "open, active = lent, idle 0, waiting = the others waiting for a connection being opened)")
                return
            }
            cover(.exhausted)
            return
        }
        if case .poolFull = sent {
            fail(
                "fails early",
                "failed r\(number) as \"\(sent)\", but this pool queues: a borrower that finds no room waits in line "
                    + "for a connection or its timeout")
            return
        }
        guard let timeout = config.borrowTimeout, waited >= timeout.nanoseconds else {
            let limit = config.borrowTimeout.map { "\($0)" } ?? "off"
            fail(
                "fails early",
                "failed r\(number) with a timeout after \(SimDuration(nanoseconds: waited)); the borrow timeout is \(limit)"
            )
            return
        }
        let expected = expectedTimeout(for: number, waited: waited, sent: sent)
        if requests[number].state == .validating { cover(.timedOutDuringPing) }
        guard sent == expected else {
            fail(
                "timeout error",
                "r\(number)'s timeout error is \"\(sent)\"; expected \"\(expected)\" (after = how long it waited; "
                    + "total, active, idle as the pool is now; waiting counts r\(number) too)")
            return
        }
        cover(.timedOut)
    }

    private mutating func reportLeak(_ id: Int, _ borrower: Int, _ heldFor: SimDuration) {
        guard rules.leakDetection, let threshold = config.leakDetectionThreshold else {
            fail("leak report", "reported a leak, but leak detection is off")
            return
        }
        guard known(id), connections[id].state == .lent, connections[id].holder == borrower else {
            fail("leak report", "reported c\(id) as leaked by r\(borrower), but r\(borrower) does not hold it")
            return
        }
        let held = now - connections[id].lentAt
        guard held >= threshold.nanoseconds else {
            fail(
                "reports early",
                "reported c\(id) as leaked after \(SimDuration(nanoseconds: held)); the threshold is \(threshold)")
            return
        }
        guard !connections[id].leakReported else {
            fail("leak report", "reported c\(id) as leaked twice during one lease")
            return
        }
        guard heldFor.nanoseconds == held else {
            fail(
                "leak report",
                "reported c\(id) held for \(heldFor), but it has been held for \(SimDuration(nanoseconds: held))")
            return
        }
        cover(.leakReported)
        connections[id].leakReported = true
    }
}
