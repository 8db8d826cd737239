extension ProxyEngine {
    /// Carries out one of the proxy's actions.
    mutating func perform(_ action: ProxyAction) {
        switch action {
        case .accept(let client):
            clients[Int(client.rawValue)].state = .connected
            measures.clientsOpened += 1
            let record = clients[Int(client.rawValue)]
            note(.clientConnected(client: record.name, database: record.database, user: record.user))
            if record.loginFor >= 0 { agenda.schedule(.podClientReady(client: client.rawValue), at: now) }
        case .refuse(let client, let error):
            clients[Int(client.rawValue)].state = .closed
            clients[Int(client.rawValue)].closedWith = error
            measures.clientsRefused += 1
            note(.clientRefused(client: clientName(client), error: error))
            if clients[Int(client.rawValue)].loginFor >= 0 {
                agenda.schedule(.podClientReady(client: client.rawValue), at: now)
            }
        case .enqueue(let client, let position):
            enqueued(client, position: position)
        case .assign(let server, let client):
            assigned(server, to: client)
        case .forward(let client, let server):
            if checking, clients[Int(client.rawValue)].server != server || isRunning(server) {
                violation(
                    "pgbouncer forwarded \(clientName(client))'s query to \(server), which is not its free server")
            }
            sendMessage(client, on: server)
        case .release(let server, let client, let reason):
            unlink(server)
            note(.serverReleased(server: serverName(server), client: clientName(client), reason: reason.rawValue))
        case .notice(let client, let text):
            clients[Int(client.rawValue)].notices.append(text)
            note(.clientNotice(client: clientName(client), text: text))
        case .closeClient(let client, let error):
            closeClient(client, error)
        case .openServer(let server, let pool):
            openServer(server, pool: pool)
        case .closeServer(let server, let reason):
            closeServer(server, reason: reason)
        case .runServerQuery(let server, let query):
            let statement =
                query.sql == "<empty>" ? SQLStatement.selectValue("") : try? SQLStatement(parsing: query.sql)
            runStatement(statement ?? .selectValue(""), on: server, for: .proxyQuery(query))
        case .scheduleTimer(let timer, let instant):
            nextTimerGeneration &+= 1
            timerGenerations[timer] = nextTimerGeneration
            agenda.schedule(.timer(timer, generation: nextTimerGeneration), at: max(now, instant.nanoseconds))
        case .cancelTimer(let timer):
            timerGenerations[timer] = nil
        case .log(let text):
            note(.proxyLog(text))
        }
    }

    private mutating func enqueued(_ client: ClientID, position: Int) {
        let index = Int(client.rawValue)
        clients[index].waitingSince = now
        measures.clientsWaiting += 1
        measures.peakClientsWaiting = max(measures.peakClientsWaiting, measures.clientsWaiting)
        if clients[index].request >= 0 { recorder.borrowWaits(now) }
        if checking { waitingOrder[proxy.poolOf(client: client), default: []].append(client) }
        note(.clientQueued(client: clientName(client), position: position))
    }

    /// The client stops waiting in the proxy's line (served or closed); its wait counts for its request.
    mutating func stopWaiting(_ client: ClientID) -> Int64 {
        let index = Int(client.rawValue)
        guard clients[index].waitingSince >= 0 else { return 0 }
        let waited = now - clients[index].waitingSince
        clients[index].waitingSince = -1
        measures.clientsWaiting -= 1
        measures.longestWait = max(measures.longestWait, waited)
        if clients[index].request >= 0 {
            recorder.borrowStopsWaiting(now)
            requests[Int(clients[index].request)].waited += waited
        }
        if checking {
            let pool = proxy.poolOf(client: client)
            waitingOrder[pool]?.removeAll { $0 == client }
        }
        return waited
    }

    private mutating func assigned(_ server: ServerID, to client: ClientID) {
        let serverIndex = Int(server.rawValue)
        let clientIndex = Int(client.rawValue)
        if checking {
            if servers[serverIndex].state != .open || servers[serverIndex].client != nil || isRunning(server) {
                let holder = servers[serverIndex].client.map { " (linked to \(clientName($0)))" } ?? ""
                violation("pgbouncer assigned \(server) to \(clientName(client)) while it is not free\(holder)")
            }
            if clients[clientIndex].state != .connected || clients[clientIndex].server != nil
                || clients[clientIndex].message == nil
            {
                violation("pgbouncer assigned \(server) to \(clientName(client)), which is not waiting for a server")
            }
            if clients[clientIndex].waitingSince >= 0, let first = waitingOrder[proxy.poolOf(client: client)]?.first,
                first != client
            {
                violation("pgbouncer served \(clientName(client)) before \(clientName(first)), which waited longer")
            }
        }
        let waited = stopWaiting(client)
        servers[serverIndex].client = client
        clients[clientIndex].server = server
        recorder.connectionLent(now)
        note(
            .lent(request: clientName(client), connection: serverName(server), waited: SimDuration(nanoseconds: waited))
        )
        applyTrackedParameters(client, on: server)
        sendMessage(client, on: server)
    }

    /// Breaks the link between a server connection and its client in the simulator's books.
    mutating func unlink(_ server: ServerID) {
        guard let client = servers[Int(server.rawValue)].client else { return }
        servers[Int(server.rawValue)].client = nil
        clients[Int(client.rawValue)].server = nil
        recorder.connectionBack(now, heldFor: 0)
    }

    func isRunning(_ server: ServerID) -> Bool {
        if case .nothing = servers[Int(server.rawValue)].running { return false }
        return true
    }

    // MARK: Server connections

    private mutating func openServer(_ server: ServerID, pool: Int32) {
        let index = Int(server.rawValue)
        while servers.count <= index { servers.append(ServerRecord()) }
        servers[index].state = .opening
        servers[index].pool = pool
        measures.openServers += 1
        measures.peakServers = max(measures.peakServers, measures.openServers)
        if checking { checkLimits(pool) }
        let setup = database.setupCost
        note(.opening(connection: serverName(server), pool: "pgbouncer", setup: setup))
        agenda.schedule(.loginDone(server: server.rawValue), at: now + setup.total.nanoseconds)
    }

    /// One login at a time per pool, never above the pool's size plus its reserve or `max_db_connections`.
    private mutating func checkLimits(_ pool: Int32) {
        let info = proxy.poolName(pool)
        var inPool = 0
        var opening = 0
        var inDatabase = 0
        for record in servers where record.state == .opening || record.state == .open {
            let other = proxy.poolName(record.pool)
            if record.pool == pool {
                inPool += 1
                if record.state == .opening { opening += 1 }
            }
            if other.database == info.database { inDatabase += 1 }
        }
        let label = "pool \(info.database)/\(info.user)"
        if inPool > info.size + info.reserve {
            violation(
                "\(label) has \(inPool) server connections, above its size \(info.size) + reserve \(info.reserve)")
        }
        if opening > 1 { violation("\(label) logs in \(opening) server connections at once") }
        let limit = scenario.proxy.database(named: info.database)?.maxDBConnections ?? scenario.proxy.maxDBConnections
        if limit > 0, inDatabase > limit {
            violation(
                "database \(info.database) has \(inDatabase) server connections, above max_db_connections \(limit)")
        }
    }

    mutating func loginDone(_ server: ServerID) {
        let index = Int(server.rawValue)
        guard servers[index].state == .opening else { return }
        switch database.connect(now: now) {
        case .success(let ref):
            servers[index].state = .open
            servers[index].backend = ref
            backendServers[ref.slot] = server.rawValue
            measures.serversOpened += 1
            armIdleTimeout(ref)
            note(.opened(connection: serverName(server), setup: database.setupCost))
            deliver(.serverOpened(server))
        case .failure(let error):
            servers[index].state = .closed
            measures.openServers -= 1
            measures.serverLoginsFailed += 1
            note(.openFailed(connection: serverName(server), error: error))
            deliver(.serverOpenFailed(server, error))
        }
    }

    private mutating func closeServer(_ server: ServerID, reason: String) {
        let index = Int(server.rawValue)
        guard servers[index].state == .open || servers[index].state == .opening else { return }
        unlink(server)
        if servers[index].state == .open {
            _ = database.disconnect(servers[index].backend, now: now)
            drainDatabase()
            rescheduleCPU()
        }
        servers[index].state = .closed
        servers[index].running = .nothing
        measures.openServers -= 1
        note(.serverClosed(server: serverName(server), reason: reason))
    }

    // MARK: Clients

    /// The proxy closes a client: its unanswered message gets the error (or the error of the server
    /// connection that died under it), and its pod forgets it.
    mutating func closeClient(_ client: ClientID, _ error: DatabaseError) {
        let index = Int(client.rawValue)
        guard clients[index].state == .connected else { return }
        _ = stopWaiting(client)
        if let server = clients[index].server { unlink(server) }
        clients[index].state = .closed
        clients[index].closedWith = error
        note(.clientClosed(client: clientName(client), error: error))
        if clients[index].message != nil {
            answer(client, .failure(clients[index].lostError ?? error))
        } else if clients[index].request < 0, clients[index].pod >= 0 {
            let pod = Int(clients[index].pod)
            if let position = pods[pod].free.firstIndex(of: client.rawValue) {
                pods[pod].free.remove(at: position)
                pods[pod].open -= 1
            }
        }
    }
}
