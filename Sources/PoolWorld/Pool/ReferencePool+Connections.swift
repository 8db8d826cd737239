extension ReferencePool {
    // MARK: Opening

    /// Opens connections for waiters nobody is opening for yet, then up to the idle minimum. While a retry
    /// after a failed open is pending, it waits for that instead of hammering the server.
    mutating func replenish(_ time: Int64, _ actions: inout PoolActions) {
        guard !shuttingDown, !retryArmed else { return }
        let capacity = config.maxSize + config.maxOverflow
        while waiters.count > opening && open + opening < capacity {
            opening += 1
            actions.append(.openConnection)
        }
        while idle.count + opening - waiters.count < config.minIdle && open + opening < config.maxSize {
            opening += 1
            actions.append(.openConnection)
        }
    }

    mutating func opened(_ id: ConnectionID, _ time: Int64, _ actions: inout PoolActions) {
        let index = Int(id.rawValue)
        while slots.count <= index { slots.append(Slot()) }
        guard slots[index].state == .unused else { return }
        opening = max(0, opening - 1)
        open += 1
        counters.created += 1
        consecutiveOpenFailures = 0
        slots[index] = Slot()
        slots[index].state = .transit
        slots[index].createdAt = time
        slots[index].idleSince = time
        if let lifetime = config.maxLifetime {
            let jitter = Int64(random.nextUnit() * config.lifetimeJitter * Double(lifetime.nanoseconds))
            slots[index].lifetimeArmed = true
            actions.append(
                .scheduleTimer(
                    PoolTimer(.maxLifetime, connection: id),
                    at: SimInstant(nanoseconds: time + lifetime.nanoseconds - jitter)))
        }
        if let interval = config.keepAliveInterval {
            slots[index].keepAliveArmed = true
            actions.append(
                .scheduleTimer(
                    PoolTimer(.keepAlive, connection: id), at: SimInstant(nanoseconds: time + interval.nanoseconds)))
        }
        offer(id, time, &actions)
        replenish(time, &actions)
    }

    mutating func openFailed(_ error: DatabaseError, _ time: Int64, _ actions: inout PoolActions) {
        opening = max(0, opening - 1)
        counters.openFailures += 1
        lastOpenError = error
        consecutiveOpenFailures += 1
        if config.failBorrowOnConnectError, waiters.count > opening, let waiter = waiters.popFirst() {
            if waiter.armed { actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: waiter.request))) }
            counters.failedOtherwise += 1
            actions.append(.failBorrow(waiter.request, .connectFailed(error)))
        }
        let belowMinimum = idle.count + opening - waiters.count < config.minIdle
        guard !shuttingDown, !retryArmed, waiters.count > opening || belowMinimum else { return }
        let growth = power(1.25, consecutiveOpenFailures - 1)
        let delay = min(Double(config.retryDelay.nanoseconds) * growth, Double(config.maxRetryDelay.nanoseconds))
        retryArmed = true
        actions.append(.scheduleTimer(PoolTimer(.openRetry), at: SimInstant(nanoseconds: time + Int64(delay))))
    }

    // MARK: Closing

    /// Closes an open connection on the pool's initiative.
    mutating func close(_ id: ConnectionID, _ reason: CloseReason, _ actions: inout PoolActions) {
        forget(id, reason, &actions)
        actions.append(.closeConnection(id, reason))
    }

    /// Removes an open connection from the books and cancels its timers.
    mutating func forget(_ id: ConnectionID, _ reason: CloseReason, _ actions: inout PoolActions) {
        let index = Int(id.rawValue)
        switch slots[index].state {
        case .idle:
            if let position = idle.lastIndex(of: id) { idle.remove(at: position) }
        case .leased:
            leased -= 1
        case .validating:
            validating -= 1
        case .transit:
            break
        case .unused, .closed:
            return
        }
        open -= 1
        counters.closedByReason[reason.rawValue] += 1
        if slots[index].lifetimeArmed {
            actions.append(.cancelTimer(PoolTimer(.maxLifetime, connection: id)))
        }
        if slots[index].keepAliveArmed {
            actions.append(.cancelTimer(PoolTimer(.keepAlive, connection: id)))
        }
        if slots[index].leakArmed {
            actions.append(
                .cancelTimer(PoolTimer(.leakDetection, connection: id, generation: slots[index].leaseGeneration)))
        }
        if slots[index].idleTimerArmed {
            actions.append(.cancelTimer(PoolTimer(.housekeeping, connection: id)))
        }
        slots[index].idleTimerArmed = false
        slots[index].lifetimeArmed = false
        slots[index].keepAliveArmed = false
        slots[index].leakArmed = false
        slots[index].state = .closed
    }

    /// The connection broke or the server ended it.
    mutating func broke(_ id: ConnectionID, _ time: Int64, _ actions: inout PoolActions) {
        let index = Int(id.rawValue)
        guard index < slots.count else { return }
        let state = slots[index].state
        guard state == .idle || state == .leased || state == .validating else { return }
        let pendingBorrower = state == .validating ? slots[index].validatingFor : nil
        let since = slots[index].validatingSince
        let armed = slots[index].validatingArmed
        forget(id, .broken, &actions)
        if let pendingBorrower {
            retry(pendingBorrower, since: since, armed: armed, time, &actions)
        }
        replenish(time, &actions)
    }

    // MARK: Validation

    mutating func validationSucceeded(_ id: ConnectionID, _ time: Int64, _ actions: inout PoolActions) {
        let index = Int(id.rawValue)
        guard index < slots.count, slots[index].state == .validating else { return }
        validating -= 1
        slots[index].state = .transit
        if let request = slots[index].validatingFor {
            slots[index].validatingFor = nil
            lend(
                id, to: request, since: slots[index].validatingSince, armed: slots[index].validatingArmed, time,
                &actions)
        } else if slots[index].evict {
            close(id, .maxLifetime, &actions)
            replenish(time, &actions)
        } else {
            // A keep-alive ping does not count as use: the connection keeps its place in the idle order.
            let idleSince = slots[index].idleSince
            offer(id, time, &actions)
            if slots[index].state == .idle {
                slots[index].idleSince = idleSince
                armIdleTimer(id, &actions)
            }
        }
    }

    mutating func validationFailed(_ id: ConnectionID, _ time: Int64, _ actions: inout PoolActions) {
        let index = Int(id.rawValue)
        guard index < slots.count, slots[index].state == .validating else { return }
        counters.validationsFailed += 1
        let request = slots[index].validatingFor
        let since = slots[index].validatingSince
        let armed = slots[index].validatingArmed
        close(id, .validationFailed, &actions)
        if let request {
            retry(request, since: since, armed: armed, time, &actions)
        }
        replenish(time, &actions)
    }

    /// A borrower whose connection failed validation: try the next idle one, else back to the head of the line.
    private mutating func retry(
        _ request: RequestID, since: Int64, armed: Bool, _ time: Int64, _ actions: inout PoolActions
    ) {
        if let other = takeIdle() {
            assign(other, to: request, since: since, armed: armed, time, &actions)
            return
        }
        var isArmed = armed
        if !armed, let timeout = config.borrowTimeout {
            isArmed = true
            actions.append(
                .scheduleTimer(
                    PoolTimer(.borrowTimeout, request: request),
                    at: SimInstant(nanoseconds: max(time, since + timeout.nanoseconds))))
        }
        waiters.prepend(Waiter(request: request, since: since, armed: isArmed))
        actions.append(.enqueue(request, position: 1))
    }

    // MARK: Timers

    mutating func timerFired(_ timer: PoolTimer, _ time: Int64, _ actions: inout PoolActions) {
        switch timer.kind {
        case .borrowTimeout:
            if let request = timer.request { borrowTimedOut(request, time, &actions) }
        case .housekeeping:
            if let id = timer.connection {
                idleTimerFired(id, time, &actions)
                return
            }
            housekeepingArmed = false
            retireIdle(time, &actions)
            replenish(time, &actions)
            armHousekeeping(time, &actions)
        case .maxLifetime:
            guard let id = timer.connection else { return }
            let index = Int(id.rawValue)
            slots[index].lifetimeArmed = false
            switch slots[index].state {
            case .idle:
                close(id, .maxLifetime, &actions)
                replenish(time, &actions)
            case .leased, .validating:
                slots[index].evict = true
            case .unused, .transit, .closed:
                break
            }
        case .keepAlive:
            guard let id = timer.connection, let interval = config.keepAliveInterval else { return }
            let index = Int(id.rawValue)
            slots[index].keepAliveArmed = false
            let state = slots[index].state
            guard state == .idle || state == .leased || state == .validating else { return }
            slots[index].keepAliveArmed = true
            actions.append(
                .scheduleTimer(
                    PoolTimer(.keepAlive, connection: id), at: SimInstant(nanoseconds: time + interval.nanoseconds)))
            guard state == .idle, let position = idle.lastIndex(of: id) else { return }
            idle.remove(at: position)
            slots[index].state = .validating
            slots[index].validatingFor = nil
            validating += 1
            counters.validations += 1
            actions.append(.validate(id, for: nil))
        case .leakDetection:
            guard let id = timer.connection else { return }
            let index = Int(id.rawValue)
            slots[index].leakArmed = false
            guard slots[index].state == .leased, slots[index].leaseGeneration == timer.generation else { return }
            slots[index].leakReported = true
            counters.leaksReported += 1
            actions.append(
                .reportLeak(
                    id, borrower: slots[index].borrower,
                    heldFor: SimDuration(nanoseconds: time - slots[index].leasedAt)))
        case .openRetry:
            retryArmed = false
            replenish(time, &actions)
        }
    }

    private mutating func borrowTimedOut(_ request: RequestID, _ time: Int64, _ actions: inout PoolActions) {
        let since: Int64
        let waitingBefore = waiters.count
        if waiters.first?.request == request, let waiter = waiters.popFirst() {
            since = waiter.since
        } else if let position = waiters.firstIndex(where: { $0.request == request }) {
            since = waiters.remove(at: position).since
        } else if let index = slots.firstIndex(where: { $0.state == .validating && $0.validatingFor == request }) {
            // Still being validated: the borrower stops waiting; the ping's result goes to the idle list.
            since = slots[index].validatingSince
            slots[index].validatingFor = nil
        } else {
            return
        }
        counters.timeouts += 1
        let error = PoolError.timedOut(
            after: SimDuration(nanoseconds: time - since), total: open, active: leased + validating,
            idle: idle.count, waiting: waitingBefore,
            lastConnectError: consecutiveOpenFailures > 0 ? lastOpenError : nil)
        actions.append(.failBorrow(request, error))
    }

    /// One connection's idle timer (exact idle eviction): close it if it is still idle, has been for the whole
    /// timeout, and the pool keeps more idle connections than its minimum.
    private mutating func idleTimerFired(_ id: ConnectionID, _ time: Int64, _ actions: inout PoolActions) {
        let index = Int(id.rawValue)
        guard index < slots.count, slots[index].idleTimerArmed else { return }
        slots[index].idleTimerArmed = false
        guard slots[index].state == .idle, let timeout = config.idleTimeout,
            time - slots[index].idleSince >= timeout.nanoseconds, idle.count > config.minIdle
        else { return }
        close(id, .idleTimeout, &actions)
        replenish(time, &actions)
    }

    /// Closes connections idle for longer than the idle timeout, longest idle first, down to `minIdle`.
    private mutating func retireIdle(_ time: Int64, _ actions: inout PoolActions) {
        guard config.idleEviction == .sweep, let timeout = config.idleTimeout else { return }
        var excess = idle.count - config.minIdle
        var expired: [ConnectionID] = []
        for id in idle where excess > 0 && time - slots[Int(id.rawValue)].idleSince >= timeout.nanoseconds {
            expired.append(id)
            excess -= 1
        }
        for id in expired {
            close(id, .idleTimeout, &actions)
        }
    }

    mutating func armHousekeeping(_ time: Int64, _ actions: inout PoolActions) {
        let retiresIdle = config.idleTimeout != nil && config.minIdle < config.maxSize && config.idleEviction == .sweep
        guard !shuttingDown, !housekeepingArmed, retiresIdle || config.minIdle > 0 else { return }
        housekeepingArmed = true
        actions.append(
            .scheduleTimer(
                PoolTimer(.housekeeping), at: SimInstant(nanoseconds: time + config.housekeepingInterval.nanoseconds)))
    }
}
