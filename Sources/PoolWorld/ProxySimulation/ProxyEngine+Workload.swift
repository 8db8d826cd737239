extension ProxyEngine {
    // MARK: Arrivals

    /// An open-loop arrival: a request starts, and the next arrival goes on the agenda. The hottest path of
    /// all, so it is written here on the stored properties rather than in the kernel, where the optimiser
    /// left a closure call and a branch mispredicted per arrival (measured with callgrind: 4% of the run).
    mutating func openLoopArrival() {
        guard workload.due(now) else { return }
        startRequest(from: -1)
        if let next = workload.nextArrival(after: now, &random) { agenda.scheduleArrival(at: next) }
    }

    // MARK: Requests

    /// A request of the workload arrives, from closed-loop client `loop` (-1: the open loop or a burst).
    mutating func startRequest(from loop: Int32) {
        workload.requestsStarted += 1
        let script = workload.chooseScript(&random)
        let pod = loop >= 0 ? loop % Int32(pods.count) : workload.route(among: pods.count, &random)
        let slot: Int32
        if let reused = freeRequests.popLast() {
            slot = reused
        } else {
            slot = Int32(requests.count)
            requests.append(ProxyRequest())
        }
        nextRequestNumber += 1
        var record = ProxyRequest()
        record.token = requests[Int(slot)].token &+ 1
        record.number = nextRequestNumber
        record.script = script
        record.pod = pod
        record.loop = loop
        record.arrivedAt = now
        record.live = true
        requests[Int(slot)] = record
        liveRequests += 1
        lastProgress = now
        recorder.arrived(now)
        if tracing { note(.arrived(request: "r\(nextRequestNumber)", script: workload.scripts[Int(script)].name)) }
        beginAttempt(slot)
    }

    /// Starts (or restarts) a request: take a client connection of the pod, then run the steps.
    mutating func beginAttempt(_ slot: Int32) {
        requests[Int(slot)].step = 0
        requests[Int(slot)].token &+= 1
        let pod = Int(requests[Int(slot)].pod)
        if let client = pods[pod].free.popLast() {
            attach(slot, client)
            advance(slot)
        } else if pods[pod].open < scenario.clientsPerPod {
            openPodClient(for: slot)
        } else {
            requests[Int(slot)].podWaitSince = now
            pods[pod].waiting.append(slot)
            recorder.borrowWaits(now)
        }
    }

    /// The pod opens one more client connection to the proxy for this request.
    private mutating func openPodClient(for slot: Int32) {
        let pod = requests[Int(slot)].pod
        pods[Int(pod)].open += 1
        let name = "\(pods[Int(pod)].name).c\(measures.clientsOpened + measures.clientsRefused + 1)"
        let client = connectClient(name: name, database: scenario.podDatabase, user: scenario.user, pod: pod)
        clients[Int(client.rawValue)].loginFor = slot
        if clients[Int(client.rawValue)].state != .unused { podClientReady(client) }
    }

    /// The proxy accepted or refused a pod's new client: the request that opened it goes on with it, or fails.
    mutating func podClientReady(_ client: ClientID) {
        let slot = clients[Int(client.rawValue)].loginFor
        guard slot >= 0 else { return }
        clients[Int(client.rawValue)].loginFor = -1
        let pod = requests[Int(slot)].pod
        guard clients[Int(client.rawValue)].state == .connected else {
            pods[Int(pod)].open -= 1
            let error = clients[Int(client.rawValue)].closedWith ?? .maxClientConn
            concludeAttempt(slot, error: error.description, timedOut: false)
            servePodWaiter(Int(pod))
            return
        }
        attach(slot, client.rawValue)
        advance(slot)
    }

    private mutating func attach(_ slot: Int32, _ client: Int32) {
        requests[Int(slot)].client = client
        clients[Int(client)].request = slot
        lastProgress = now
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
                endAttempt(slot, error: nil, timedOut: false)
                return
            }
            let client = ClientID(requests[index].client)
            switch workload.stepCodes[step] {
            case .hold(let duration):
                requests[index].token &+= 1
                agenda.schedule(.stepDone(slot: slot, token: requests[index].token), at: now + duration.sample(&random))
                return
            case .query(let cost):
                let statement = SQLStatement.work(SimDuration(nanoseconds: cost.sample(&random)))
                send(.query(statement, text: statement.description), from: client)
                return
            case .statement(let code):
                let statement = workload.statementTable[Int(code)]
                send(.query(statement, text: statement.description), from: client)
                return
            case .borrowSecond, .releaseSecond:
                requests[index].step += 1
            }
        }
    }

    /// The request's message was answered.
    mutating func messageAnswered(_ slot: Int32) {
        let index = Int(slot)
        let client = Int(requests[index].client)
        let result = clients[client].lastResult ?? StatementResult(.failure(.serverClosedConnection))
        lastProgress = now
        if requests[index].rollingBack {
            requests[index].rollingBack = false
            releaseClient(slot)
            concludeAttempt(slot, error: requests[index].pendingError, timedOut: requests[index].pendingTimeout)
            return
        }
        if let error = result.error {
            endAttempt(slot, error: error.description, timedOut: error == .queryWaitTimeout)
            return
        }
        requests[index].step += 1
        advance(slot)
    }

    /// The attempt is over: roll back a transaction left open, give the connection back, then finish or retry.
    private mutating func endAttempt(_ slot: Int32, error: String?, timedOut: Bool) {
        let index = Int(slot)
        let client = requests[index].client
        if client >= 0, clients[Int(client)].state == .connected, let server = clients[Int(client)].server,
            database.transactionStatus(servers[Int(server.rawValue)].backend) != .idle
        {
            requests[index].rollingBack = true
            requests[index].pendingError = error
            requests[index].pendingTimeout = timedOut
            send(.query(.rollback, text: "ROLLBACK"), from: ClientID(client))
            return
        }
        releaseClient(slot)
        concludeAttempt(slot, error: error, timedOut: timedOut)
    }

    /// Gives the request's client connection back to its pod, or forgets it if the proxy closed it.
    private mutating func releaseClient(_ slot: Int32) {
        let client = requests[Int(slot)].client
        guard client >= 0 else { return }
        requests[Int(slot)].client = -1
        clients[Int(client)].request = -1
        let pod = Int(requests[Int(slot)].pod)
        if clients[Int(client)].state == .connected {
            if let next = pods[pod].waiting.popFirst() {
                stopPodWait(next)
                attach(next, client)
                advance(next)
            } else {
                pods[pod].free.append(client)
            }
        } else {
            pods[pod].open -= 1
            servePodWaiter(pod)
        }
    }

    /// A pod with room for another client connection opens one for its oldest waiting request.
    private mutating func servePodWaiter(_ pod: Int) {
        guard pods[pod].open < scenario.clientsPerPod, let next = pods[pod].waiting.popFirst() else { return }
        stopPodWait(next)
        openPodClient(for: next)
    }

    private mutating func stopPodWait(_ slot: Int32) {
        recorder.borrowStopsWaiting(now)
        requests[Int(slot)].waited += now - requests[Int(slot)].podWaitSince
        requests[Int(slot)].podWaitSince = -1
    }

    /// Retry (after a timeout, or any error when the policy says so) or end the request.
    private mutating func concludeAttempt(_ slot: Int32, error: String?, timedOut: Bool) {
        let index = Int(slot)
        let retry = workload.retry
        if let error, timedOut || retry.retryErrors, Int(requests[index].attempt) < retry.maxAttempts {
            if tracing { note(.failed(request: "r\(requests[index].number)", error: error, timedOut: timedOut)) }
            let delay = retry.delay(after: Int(requests[index].attempt), random: &random)
            requests[index].attempt += 1
            requests[index].token &+= 1
            recorder.retries += 1
            note(
                .retrying(
                    request: "r\(requests[index].number)", attempt: Int(requests[index].attempt),
                    after: SimDuration(nanoseconds: delay)))
            agenda.schedule(.retry(slot: slot, token: requests[index].token), at: now + delay)
            return
        }
        finish(slot, error: error, timedOut: timedOut)
    }

    /// The request ends, exactly once.
    private mutating func finish(_ slot: Int32, error: String?, timedOut: Bool) {
        let index = Int(slot)
        guard requests[index].live else {
            violation("request r\(requests[index].number) ended twice")
            return
        }
        let arrivedAt = requests[index].arrivedAt
        recorder.ended(now, arrivedAt: arrivedAt, waited: requests[index].waited, error: error, timedOut: timedOut)
        if tracing {
            let name = "r\(requests[index].number)"
            if let error {
                note(.failed(request: name, error: error, timedOut: timedOut))
            } else {
                note(.completed(request: name, latency: SimDuration(nanoseconds: now - arrivedAt)))
            }
        }
        requests[index].live = false
        requests[index].token &+= 1
        liveRequests -= 1
        lastProgress = now
        freeRequests.append(slot)
        workload.clientThinks(requests[index].loop, now, &agenda, &random)
    }
}
