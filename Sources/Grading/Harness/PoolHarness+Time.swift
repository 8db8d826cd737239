import PoolWorld

extension PoolHarness {
    // MARK: Time

    /// Runs everything due up to `target`, in time order, checking the deadlines that fall in between.
    mutating func advance(to target: Int64) {
        while violation == nil {
            guard
                let next = agenda.indices.min(by: { agenda[$0].comesBefore(agenda[$1]) }),
                agenda[next].time <= target
            else { break }
            let entry = agenda.remove(at: next)
            checkDeadlines(before: entry.time)
            guard violation == nil else { return }
            now = max(now, entry.time)
            happen(entry.what, order: entry.order)
        }
        guard violation == nil else { return }
        checkDeadlines(before: target)
        now = max(now, target)
    }

    mutating func happen(_ what: Pending, order: Int) {
        switch what {
        case .opened(let id):
            if opensToFail > 0 {
                opensToFail -= 1
                consecutiveOpenFailures += 1
                lastOpenError = .tooManyClients
                cover(.openFailed)
                connections[id].state = .closed
                defer { checkRetryScheduled() }
                deliver(
                    .connectionOpenFailed(ConnectionID(Int32(id)), .tooManyClients),
                    traced(
                        TraceEvent(time: instant, kind: .openFailed(connection: "c\(id)", error: .tooManyClients))
                            .description))
                return
            }
            consecutiveOpenFailures = 0
            connections[id].state = .idle
            connections[id].openedAt = now
            connections[id].idleSince = now
            deliver(.connectionOpened(ConnectionID(Int32(id))), traced("\(stamp) c\(id) opened"))
        case .pinged(let id):
            guard connections[id].state == .validating else { return }
            let borrower = connections[id].validatingFor
            connections[id].state = .idle
            if borrower > 0, requests[borrower].state == .validating {
                requests[borrower].state = .waiting
            }
            if connections[id].diedAt != nil {
                cover(.pingFailed)
                connections[id].state = .failedPing
                deliver(
                    .validationFailed(ConnectionID(Int32(id)), .connectionTimedOut),
                    traced(
                        TraceEvent(time: instant, kind: .validated(connection: "c\(id)", error: .connectionTimedOut))
                            .description))
            } else {
                connections[id].validatedFor = borrower
                connections[id].idleSince = now
                deliver(
                    .validationSucceeded(ConnectionID(Int32(id))),
                    traced(TraceEvent(time: instant, kind: .validated(connection: "c\(id)", error: nil)).description))
                checkLentAfterPing(id, to: borrower)
            }
        case .timer(let timer):
            guard timers[timer] == order else { return }
            timers[timer] = nil
            checkNotStale(timer)
            guard violation == nil else { return }
            if timer.kind == .maxLifetime, let connection = timer.connection {
                switch connections[Int(connection.rawValue)].state {
                case .idle: cover(.lifetimeIdle)
                case .lent: cover(.lifetimeLent)
                case .validating: cover(.lifetimeDuringPing)
                default: break
                }
            }
            deliver(.timerFired(timer), traced("\(stamp) timer \(ActionText.describe(timer)) fires"))
            if timer.kind == .housekeeping { checkHousekeeping() }
        }
    }

    mutating func schedule(_ what: Pending, at time: Int64) {
        order += 1
        agenda.append(AgendaEntry(time: time, order: order, what: what))
        if case .timer(let timer) = what { timers[timer] = order }
    }
}
