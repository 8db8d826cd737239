extension Engine {
    // MARK: Arrivals

    /// An open-loop arrival: a request starts, and the next arrival goes on the agenda. The hottest path of
    /// all, so it is written here on the stored properties rather than in the kernel, where the optimiser
    /// left a closure call and a branch mispredicted per arrival (measured with callgrind: 4% of the run).
    mutating func openLoopArrival() {
        guard workload.due(now) else { return }
        startRequest(from: -1)
        if let next = workload.nextArrival(after: now, &random) { agenda.scheduleArrival(at: next) }
    }

    /// The lab's `burst`: `count` requests running `script` arrive now, outside the workload's limits.
    mutating func startRequests(count: Int, script: Int32) {
        for _ in 0..<count { startRequest(client: -1, script: script) }
    }

    /// A request of the workload arrives, from closed-loop client `client` (-1: the open loop or a burst).
    mutating func startRequest(from client: Int32) {
        startRequest(client: client)
    }

    // MARK: Requests

    /// Changes one request record in place, with a single access to the array.
    @inline(__always)
    mutating func modifyRequest<Result>(_ slot: Int32, _ body: (inout RequestRecord) -> Result) -> Result {
        requests.withUnsafeMutableBufferPointer { body(&$0[Int(slot)]) }
    }

    mutating func allocateRequest() -> Int32 {
        if let slot = freeRequests.popLast() { return slot }
        requests.append(RequestRecord())
        return Int32(requests.count - 1)
    }

    private mutating func startRequest(client: Int32, script chosen: Int32? = nil) {
        workload.requestsStarted += 1
        let script = chosen ?? workload.chooseScript(&random)
        let slot = allocateRequest()
        nextRequestNumber += 1
        let pool = pools.count == 1 ? 0 : workload.route(among: pools.count, &random)
        // In place, through one access: building a record and assigning it would copy the whole struct, and
        // field-by-field subscripting would check the array's uniqueness for every field.
        let number = nextRequestNumber
        let arrivedAt = now
        modifyRequest(slot) { record in
            record.token &+= 1
            record.number = number
            record.script = script
            record.step = 0
            record.pool = pool
            record.client = client
            record.attempt = 1
            record.arrivedAt = arrivedAt
            record.waited = 0
            record.primary = -1
            record.secondary = -1
            record.pendingBorrow = 0
            record.borrowingSecond = false
            record.waitingCounted = false
            record.assigned = false
            record.manual = false
            record.live = true
        }
        liveRequests += 1
        lastProgress = now
        recorder.arrived(now)
        if tracing { note(.arrived(request: requestName(slot), script: workload.scripts[Int(script)].name)) }
        beginAttempt(slot)
    }

    /// Starts (or restarts, after a retry) a request's script: borrow, then the steps.
    mutating func beginAttempt(_ slot: Int32) {
        requests[Int(slot)].step = 0
        requests[Int(slot)].token &+= 1
        requestBorrow(slot, second: false)
    }

    mutating func requestBorrow(_ slot: Int32, second: Bool) {
        nextBorrow += 1
        let index = Int(slot)
        let borrow = nextBorrow
        let time = now
        let pool = modifyRequest(slot) { record in
            record.pendingBorrow = borrow
            record.borrowingSecond = second
            record.borrowAskedAt = time
            record.assigned = false
            return record.pool
        }
        if tracing && requests[index].manual {
            note(.borrowRequested(request: requestName(slot), pool: books[Int(pool)].name))
        }
        deliver(pool, .borrowRequested(RequestID(number: nextBorrow, slot: slot)))
    }

    /// Runs the request's steps from the current one until one takes time.
    mutating func advance(_ slot: Int32) {
        let index = Int(slot)
        let script = Int(requests[index].script)
        let first = Int(workload.scriptStart[script])
        let end = Int(workload.scriptStart[script + 1])
        while true {
            let step = first + Int(requests[index].step)
            guard step < end else {
                completeRequest(slot)
                return
            }
            switch workload.stepCodes[step] {
            case .hold(let duration):
                requests[index].token &+= 1
                agenda.schedule(
                    .stepDone(slot: slot, token: requests[index].token), at: now + duration.sample(&random))
                return
            case .query(let cost):
                let work = SimDuration(nanoseconds: cost.sample(&random))
                runRequestStatement(slot, .work(work))
                return
            case .statement(let statement):
                runRequestStatement(slot, workload.statementTable[Int(statement)])
                return
            case .borrowSecond:
                requestBorrow(slot, second: true)
                return
            case .releaseSecond:
                releaseConnection(slot, second: true)
                requests[index].step += 1
            }
        }
    }

    private mutating func runRequestStatement(_ slot: Int32, _ statement: SQLStatement) {
        let record = requests[Int(slot)]
        let connection = record.secondary >= 0 ? record.secondary : record.primary
        runStatement(statement, record.pool, connection)
    }

    /// Gives a held connection back to its pool (or reports it dead, if the client knows it is).
    mutating func releaseConnection(_ slot: Int32, second: Bool) {
        let index = Int(slot)
        let connection = second ? requests[index].secondary : requests[index].primary
        guard connection >= 0 else { return }
        if second { requests[index].secondary = -1 } else { requests[index].primary = -1 }
        let pool = requests[index].pool
        let lentAt = books[Int(pool)].connections[Int(connection)].lentAt
        recorder.connectionBack(now, heldFor: now - lentAt)
        if tracing {
            note(
                .returned(
                    request: requestName(slot), connection: connectionName(pool, connection),
                    heldFor: SimDuration(nanoseconds: now - lentAt)))
        }
        guard books[Int(pool)].connections[Int(connection)].state == .lent else { return }
        books[Int(pool)].connections[Int(connection)].holder = -1
        if books[Int(pool)].connections[Int(connection)].broken {
            let error = lostErrors.removeValue(forKey: sideKey(pool, connection)) ?? .serverClosedConnection
            retire(pool, connection)
            deliver(pool, .connectionClosed(ConnectionID(connection), error))
        } else {
            books[Int(pool)].connections[Int(connection)].state = .pooled
            deliver(pool, .connectionReturned(ConnectionID(connection)))
        }
    }

    private mutating func completeRequest(_ slot: Int32) {
        releaseConnection(slot, second: true)
        releaseConnection(slot, second: false)
        finish(slot, error: nil, timedOut: false)
    }

    /// The attempt failed: give back what it holds, then retry or end the request.
    mutating func requestFailed(_ slot: Int32, error: String, timedOut: Bool, retryable: Bool, traced: Bool = false) {
        let index = Int(slot)
        releaseConnection(slot, second: true)
        releaseConnection(slot, second: false)
        if tracing && !traced { note(.failed(request: requestName(slot), error: error, timedOut: timedOut)) }
        if retryable, !requests[index].manual,
            Int(requests[index].attempt) < workload.retry.maxAttempts
        {
            let delay = workload.retry.delay(after: Int(requests[index].attempt), random: &random)
            requests[index].attempt += 1
            requests[index].token &+= 1
            recorder.retries += 1
            note(
                .retrying(
                    request: requestName(slot), attempt: Int(requests[index].attempt),
                    after: SimDuration(nanoseconds: delay)))
            agenda.schedule(.retry(slot: slot, token: requests[index].token), at: now + delay)
            return
        }
        finish(slot, error: error, timedOut: timedOut)
    }

    /// The request ends, exactly once.
    mutating func finish(_ slot: Int32, error: String?, timedOut: Bool) {
        let index = Int(slot)
        guard requests[index].live else {
            violation("request \(requestName(slot)) ended twice")
            return
        }
        let arrivedAt = requests[index].arrivedAt
        let client = requests[index].client
        if !requests[index].manual {
            recorder.ended(now, arrivedAt: arrivedAt, waited: requests[index].waited, error: error, timedOut: timedOut)
            if tracing && error == nil {
                note(.completed(request: requestName(slot), latency: SimDuration(nanoseconds: now - arrivedAt)))
            }
        }
        requests[index].live = false
        requests[index].token &+= 1
        liveRequests -= 1
        lastProgress = now
        freeRequests.append(slot)
        workload.clientThinks(client, now, &agenda, &random)
    }
}
