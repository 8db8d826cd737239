extension Engine {
    /// Hands `event` to a pool and carries out its answer. Events that arise meanwhile wait their turn.
    mutating func deliver(_ pool: Int32, _ event: PoolEvent) {
        if delivering {
            deferred.append((pool, event))
            return
        }
        delivering = true
        handle(pool, event)
        while let next = deferred.popFirst() {
            handle(next.pool, next.event)
        }
        delivering = false
    }

    private mutating func handle(_ pool: Int32, _ event: PoolEvent) {
        pools[Int(pool)].handle(event, at: SimInstant(nanoseconds: now), into: &actions)
        var index = 0
        while index < actions.count {
            let action = actions.compact(at: index)
            index += 1
            perform(action, pool)
        }
        actions.removeAll()
        if case .borrowRequested(let request) = event {
            borrowAnswered(request, pool)
        }
    }

    /// After a pool has handled a borrow: if it neither lent, nor failed, nor started validating for it,
    /// the borrower is waiting.
    private mutating func borrowAnswered(_ request: RequestID, _ pool: Int32) {
        let slot = Int(request.slot)
        guard slot >= 0, slot < requests.count, requests[slot].live, requests[slot].pendingBorrow == request.number
        else { return }
        if !requests[slot].waitingCounted {
            requests[slot].waitingCounted = true
            recorder.borrowWaits(now)
        }
        if checking && !requests[slot].assigned {
            books[Int(pool)].waitingOrder.append(request.number)
        }
    }

    private mutating func perform(_ action: CompactPoolAction, _ pool: Int32) {
        switch action {
        case .lend(let connection, let request):
            lend(connection, to: request, pool)
        case .enqueue(let request, let position):
            if tracing, let slot = liveSlot(request) {
                note(.waiting(request: requestName(slot), position: position))
            }
        case .openConnection:
            openConnection(pool)
        case .closeConnection(let connection, let reason):
            closeConnection(connection, reason, pool)
        case .validate(let connection, let request):
            validate(connection, for: request, pool)
        case .failBorrow(let request, let error):
            borrowFailed(request, actions.error(at: error), pool)
        case .scheduleTimer(let timer, let instant):
            scheduleTimer(timer, at: instant.nanoseconds, pool)
        case .cancelTimer(let timer):
            cancelTimer(timer, pool)
        case .reportLeak(let connection, let borrower, let heldFor):
            recorder.leaksReported += 1
            if tracing {
                let name = liveSlot(borrower).map(requestName) ?? borrower.description
                note(
                    .leakReported(
                        connection: connectionName(pool, connection.rawValue), borrower: name, heldFor: heldFor))
            }
        case .reportUnleaked(let connection, let heldFor):
            note(.unleaked(connection: connectionName(pool, connection.rawValue), heldFor: heldFor))
        }
    }

    // The lookups below are `mutating` although they only read: a non-mutating method called from a mutating
    // one makes the compiler copy the whole engine (over a kilobyte) to pass `self`, on every call.

    mutating func liveSlot(_ request: RequestID) -> Int32? {
        let slot = Int(request.slot)
        guard slot >= 0, slot < requests.count, requests[slot].live else { return nil }
        return request.slot
    }

    /// The borrow `request` if it is the borrow its request is waiting on.
    private mutating func pendingSlot(_ request: RequestID) -> Int32? {
        guard let slot = liveSlot(request), requests[Int(slot)].pendingBorrow == request.number else { return nil }
        return slot
    }

    private mutating func connectionState(_ connection: ConnectionID, _ pool: Int32) -> ConnectionRecord.State? {
        let index = Int(connection.rawValue)
        guard index > 0, index < books[Int(pool)].connections.count else { return nil }
        return books[Int(pool)].connections[index].state
    }

    /// Checks first-come-first-served when `request` is served, and takes it off the waiting list.
    private mutating func checkOrder(_ request: RequestID, _ pool: Int32) {
        guard checking else { return }
        let order = books[Int(pool)].waitingOrder
        if let first = order.first, first < request.number {
            violation("\(books[Int(pool)].name) served r\(request.number) before r\(first), which asked earlier")
        }
        if let position = order.firstIndex(of: request.number) {
            books[Int(pool)].waitingOrder.remove(at: position)
        }
    }

    // MARK: Lending and failing

    private mutating func lend(_ connection: ConnectionID, to request: RequestID, _ pool: Int32) {
        guard let state = connectionState(connection, pool), state == .pooled else {
            let name = connectionName(pool, connection.rawValue)
            violation("\(books[Int(pool)].name) lent \(name), which is \(describe(connectionState(connection, pool)))")
            return
        }
        guard let slot = pendingSlot(request) else {
            let name = connectionName(pool, connection.rawValue)
            violation("\(books[Int(pool)].name) lent \(name) to \(request), which is not waiting for a connection")
            return
        }
        checkOrder(request, pool)
        let index = Int(connection.rawValue)
        let time = now
        books[Int(pool)].connections.withUnsafeMutableBufferPointer { connections in
            connections[index].state = .lent
            connections[index].holder = slot
            connections[index].holderBorrow = request.number
            connections[index].lentAt = time
        }
        let record = Int(slot)
        let (waited, wasCounted, second) = modifyRequest(slot) { record in
            record.pendingBorrow = 0
            record.assigned = false
            let waited = time - record.borrowAskedAt
            record.waited += waited
            let wasCounted = record.waitingCounted
            record.waitingCounted = false
            if record.borrowingSecond {
                record.secondary = connection.rawValue
            } else {
                record.primary = connection.rawValue
            }
            return (waited, wasCounted, record.borrowingSecond)
        }
        if wasCounted {
            recorder.borrowStopsWaiting(now)
        }
        recorder.connectionLent(now)
        lastProgress = now
        if tracing { traceLent(slot, connection, pool, waited) }
        guard !requests[record].manual else { return }
        if second { requests[record].step += 1 }
        advance(slot)
    }

    /// Kept out of `lend` so that the hot path does not pay for the trace's closure context.
    @inline(never)
    private func traceLent(_ slot: Int32, _ connection: ConnectionID, _ pool: Int32, _ waited: Int64) {
        note(
            .lent(
                request: requestName(slot), connection: connectionName(pool, connection.rawValue),
                waited: SimDuration(nanoseconds: waited)))
    }

    private func describe(_ state: ConnectionRecord.State?) -> String {
        switch state {
        case nil, .unused: "not a connection of this pool"
        case .opening: "still opening"
        case .pooled: "idle"
        case .lent: "already lent"
        case .validating: "being validated"
        case .closed: "closed"
        }
    }

    private mutating func borrowFailed(_ request: RequestID, _ error: PoolError, _ pool: Int32) {
        guard let slot = pendingSlot(request) else {
            violation("\(books[Int(pool)].name) failed \(request), which is not waiting for a connection")
            return
        }
        if checking, let position = books[Int(pool)].waitingOrder.firstIndex(of: request.number) {
            books[Int(pool)].waitingOrder.remove(at: position)
        }
        let record = Int(slot)
        requests[record].pendingBorrow = 0
        requests[record].assigned = false
        requests[record].waited += now - requests[record].borrowAskedAt
        if requests[record].waitingCounted {
            requests[record].waitingCounted = false
            recorder.borrowStopsWaiting(now)
        }
        if tracing {
            note(.failed(request: requestName(slot), error: error.description, timedOut: error.isTimeout))
        }
        let retryable = error.isTimeout || workload.retry.retryErrors
        requestFailed(slot, error: error.kind, timedOut: error.isTimeout, retryable: retryable, traced: true)
    }

    // MARK: Connections

    private mutating func openConnection(_ pool: Int32) {
        let id = Int32(books[Int(pool)].connections.count)
        var record = ConnectionRecord()
        record.state = .opening
        record.warm = warmStart && now == 0
        books[Int(pool)].connections.append(record)
        books[Int(pool)].openOrOpening += 1
        if checking && books[Int(pool)].openOrOpening > pools[Int(pool)].maximumConnections {
            violation(
                "\(books[Int(pool)].name) has \(books[Int(pool)].openOrOpening) connections open or opening, "
                    + "above its maximum of \(pools[Int(pool)].maximumConnections)")
        }
        let setup = record.warm ? ConnectionSetup.none : database.setupCost
        note(.opening(connection: connectionName(pool, id), pool: books[Int(pool)].name, setup: setup))
        agenda.schedule(.connectDone(pool: pool, connection: id), at: now + setup.total.nanoseconds)
    }

    mutating func connectDone(_ pool: Int32, _ connection: Int32) {
        let index = Int(connection)
        guard books[Int(pool)].connections[index].state == .opening else { return }
        let name = connectionName(pool, connection)
        switch database.connect(now: now) {
        case .success(let ref):
            books[Int(pool)].connections[index].backend = ref
            books[Int(pool)].connections[index].state = .pooled
            while backendOwners.count <= Int(ref.slot) { backendOwners.append(BackendOwner()) }
            backendOwners[Int(ref.slot)] = BackendOwner(pool: pool, connection: connection, generation: ref.generation)
            armIdleTimeout(ref)
            if tracing {
                let setup = books[Int(pool)].connections[index].warm ? ConnectionSetup.none : database.setupCost
                note(.opened(connection: name, setup: setup))
            }
            deliver(pool, .connectionOpened(ConnectionID(connection)))
        case .failure(let error):
            retire(pool, connection)
            note(.openFailed(connection: name, error: error))
            deliver(pool, .connectionOpenFailed(ConnectionID(connection), error))
        }
    }

    /// The connection leaves the open-or-opening set.
    mutating func retire(_ pool: Int32, _ connection: Int32) {
        let index = Int(connection)
        guard books[Int(pool)].connections[index].state != .closed else { return }
        books[Int(pool)].connections[index].state = .closed
        books[Int(pool)].openOrOpening -= 1
    }

    /// Closes the client side; schedules the server's late cleanup if the firewall orphaned the backend.
    mutating func disconnect(_ pool: Int32, _ connection: Int32) {
        let ref = books[Int(pool)].connections[Int(connection)].backend
        if let reapAt = database.disconnect(ref, now: now) {
            agenda.schedule(.reap(backend: ref.slot, generation: ref.generation), at: reapAt)
        }
        drainDatabase()
    }

    private mutating func closeConnection(_ connection: ConnectionID, _ reason: CloseReason, _ pool: Int32) {
        let name = connectionName(pool, connection.rawValue)
        guard let state = connectionState(connection, pool), state != .unused, state != .opening else {
            violation(
                "\(books[Int(pool)].name) closed \(name), which is \(describe(connectionState(connection, pool)))")
            return
        }
        let index = Int(connection.rawValue)
        let broken = books[Int(pool)].connections[index].broken
        if state == .closed && !broken {
            violation("\(books[Int(pool)].name) closed \(name) twice")
            return
        }
        if state == .lent {
            violation("\(books[Int(pool)].name) closed \(name) while it was lent")
        }
        if !broken { disconnect(pool, connection.rawValue) }
        retire(pool, connection.rawValue)
        note(.closed(connection: name, reason: reason))
    }

    private mutating func validate(_ connection: ConnectionID, for request: RequestID?, _ pool: Int32) {
        let name = connectionName(pool, connection.rawValue)
        guard connectionState(connection, pool) == .pooled else {
            violation(
                "\(books[Int(pool)].name) validated \(name), which is \(describe(connectionState(connection, pool)))")
            return
        }
        if let request, let slot = pendingSlot(request) {
            checkOrder(request, pool)
            requests[Int(slot)].assigned = true
        }
        books[Int(pool)].connections[Int(connection.rawValue)].state = .validating
        runStatement(.selectValue("1"), pool, connection.rawValue)
    }

    // MARK: Timers

    private mutating func scheduleTimer(_ timer: PoolTimer, at time: Int64, _ pool: Int32) {
        let key = TimerKey(pool: pool, timer: timer)
        if timerLookup[key] != nil { cancelTimer(timer, pool) }
        let index: Int32
        if let reused = freeTimers.popLast() {
            index = reused
        } else {
            index = Int32(timers.count)
            timers.append(TimerEntry())
        }
        timers[Int(index)].pool = pool
        timers[Int(index)].timer = timer
        timers[Int(index)].generation &+= 1
        timers[Int(index)].live = true
        timerLookup[key] = index
        agenda.schedule(.poolTimer(index: index, generation: timers[Int(index)].generation), at: max(now, time))
    }

    private mutating func cancelTimer(_ timer: PoolTimer, _ pool: Int32) {
        guard let index = timerLookup.removeValue(forKey: TimerKey(pool: pool, timer: timer)) else { return }
        timers[Int(index)].live = false
        timers[Int(index)].generation &+= 1
        freeTimers.append(index)
    }

    mutating func fireTimer(_ index: Int32, _ generation: UInt32) {
        let entry = timers[Int(index)]
        guard entry.live, entry.generation == generation else { return }
        timerLookup[TimerKey(pool: entry.pool, timer: entry.timer)] = nil
        timers[Int(index)].live = false
        timers[Int(index)].generation &+= 1
        freeTimers.append(index)
        deliver(entry.pool, .timerFired(entry.timer))
    }
}
