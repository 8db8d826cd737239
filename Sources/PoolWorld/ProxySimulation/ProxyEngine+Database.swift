extension ProxyEngine {
    /// Sends a statement on a server connection, on behalf of a client or of the proxy itself, and schedules
    /// whatever tells the proxy the outcome.
    mutating func runStatement(_ statement: SQLStatement, on server: ServerID, for running: ServerRecord.Running) {
        let index = Int(server.rawValue)
        let ref = servers[index].backend
        servers[index].running = running
        servers[index].statement = statement
        servers[index].startedAt = now
        if let lost = startStatement(statement, on: ref) {
            lostErrors[server.rawValue] = lost.error
            agenda.schedule(.serverLostOnUse(server: server.rawValue), at: now + lost.after.nanoseconds)
        }
        drainDatabase()
    }

    /// Schedules statements whose advisory lock was granted, and routes notifications to whoever holds the
    /// receiving server connection now.
    mutating func drainDatabase() {
        scheduleLockGrants()
        if !database.notifications.isEmpty {
            for delivery in database.notifications {
                guard let server = server(of: delivery.receiver) else { continue }
                let client = servers[Int(server.rawValue)].client.map(clientName)
                note(
                    .clientNotified(
                        client: client, server: serverName(server), channel: delivery.channel,
                        payload: delivery.payload, senderPID: delivery.senderPID))
                if let holder = servers[Int(server.rawValue)].client {
                    clients[Int(holder.rawValue)].notices.append(
                        "NOTIFY \(delivery.channel) '\(delivery.payload)' from pid \(delivery.senderPID)")
                }
            }
            database.notifications.removeAll()
        }
    }

    mutating func statementDone(_ ref: BackendRef, _ serial: UInt32) {
        guard let result = finishStatement(ref, serial) else { return }
        guard let server = server(of: ref) else { return }
        serverFinished(server, result)
    }

    mutating func statementTimedOut(_ ref: BackendRef, _ serial: UInt32) {
        guard let result = cancelTimedOutStatement(ref, serial) else { return }
        guard let server = server(of: ref) else { return }
        serverFinished(server, result)
    }

    /// A server connection answered: a client's statement goes back through the proxy to the client; the
    /// proxy's own reset or check query goes to the proxy.
    mutating func serverFinished(_ server: ServerID, _ result: StatementResult) {
        let index = Int(server.rawValue)
        let running = servers[index].running
        servers[index].running = .nothing
        let took = SimDuration(nanoseconds: now - servers[index].startedAt)
        switch running {
        case .nothing:
            return
        case .client(let client):
            var result = result
            if case .parse = clients[Int(client.rawValue)].message, result.error == nil {
                // A protocol-level Parse is answered with ParseComplete, not PREPARE's command tag.
                result = StatementResult(.success(""))
            }
            syncTrackedParameters(client, from: server)
            forgetTrackedStatements(client, after: servers[index].statement, result)
            if tracing {
                note(
                    .statement(
                        request: clientName(client), connection: serverName(server),
                        sql: clients[Int(client.rawValue)].message?.text ?? "", result: result.summary, took: took))
            }
            let status = database.transactionStatus(servers[index].backend)
            let statement = servers[index].statement ?? .selectValue("")
            deliver(.serverAnswered(server, status: status, bytes: ProtocolSize.response(result, to: statement)))
            if clients[Int(client.rawValue)].state == .connected, clients[Int(client.rawValue)].message != nil {
                relay(client, result)
            }
        case .proxyQuery(let query):
            note(.serverQuery(server: serverName(server), sql: query.sql, result: result.summary, took: took))
            deliver(.serverQueryDone(server, succeeded: result.error == nil))
        }
    }

    /// The statement found its server connection dead: the client sees the error, the proxy drops the
    /// connection (and, as PgBouncer does, the client).
    mutating func serverLostOnUse(_ server: ServerID) {
        let index = Int(server.rawValue)
        let error = lostErrors.removeValue(forKey: server.rawValue) ?? .serverClosedConnection
        let running = servers[index].running
        servers[index].running = .nothing
        let took = SimDuration(nanoseconds: now - servers[index].startedAt)
        switch running {
        case .client(let client):
            clients[Int(client.rawValue)].lostError = error
            note(
                .statement(
                    request: clientName(client), connection: serverName(server),
                    sql: clients[Int(client.rawValue)].message?.text ?? "", result: error.description, took: took))
        case .proxyQuery(let query):
            note(.serverQuery(server: serverName(server), sql: query.sql, result: error.description, took: took))
        case .nothing:
            break
        }
        deliver(.serverLost(server, error))
        if case .client(let client) = running, clients[Int(client.rawValue)].message != nil {
            answer(client, .failure(error))
        }
    }

    /// The server ended a backend (a kill, a timeout, a restart). PgBouncer watches idle server sockets, so
    /// it learns at once; a statement in flight fails on its client first.
    mutating func serverEnded(_ ref: BackendRef, reason: DatabaseError) {
        let wasRunning = database.backend(ref)?.running != nil
        database.terminate(ref, reason: reason, now: now)
        guard let server = server(of: ref), servers[Int(server.rawValue)].state == .open else { return }
        note(.serverEnded(connection: serverName(server), error: reason))
        if wasRunning || isRunning(server) {
            // The FATAL answers the statement in flight (see `serverLostOnUse`).
            lostErrors[server.rawValue] = reason
            agenda.schedule(.serverLostOnUse(server: server.rawValue), at: now)
        } else {
            // The server's FATAL travels to a client linked to it, like any of its messages; PgBouncer then sees
            // the socket close and drops the client with "server conn crashed?".
            if let client = servers[Int(server.rawValue)].client, clients[Int(client.rawValue)].state == .connected {
                clients[Int(client.rawValue)].notices.append(reason.description)
                note(.clientForwarded(client: clientName(client), server: serverName(server), error: reason))
            }
            deliver(.serverLost(server, reason))
        }
    }

    mutating func idleCheck(_ ref: BackendRef, _ activity: UInt32) {
        guard let reason = idleTimeoutDue(ref, activity) else { return }
        serverEnded(ref, reason: reason)
        drainDatabase()
    }

    /// Carries out a fault; returns an error message if it cannot apply in a proxy world.
    mutating func inject(_ fault: Fault) -> String? {
        switch fault {
        case .restart:
            note(.fault(fault.description))
            for server in servers.indices where servers[server].state == .open {
                serverEnded(servers[server].backend, reason: .administratorCommand)
            }
            _ = database.restart(now: now)
        case .killConnection(let name):
            let open = servers.indices.filter { servers[$0].state == .open }.map { "s\($0)" }
            guard name.hasPrefix("s"), let number = Int(name.dropFirst()), open.contains(name) else {
                let list = open.isEmpty ? "none is open" : "open ones: " + open.joined(separator: ", ")
                return "no open server connection named \"\(name)\"; \(list)"
            }
            note(.fault(fault.description))
            serverEnded(servers[number].backend, reason: .administratorCommand)
        case .firewall:
            return "the firewall fault is not simulated between the proxy and the server"
        case .slowAuthentication, .authenticationFails, .idleSessionTimeout, .idleInTransactionTimeout,
            .maxConnections:
            _ = applyServerSetting(fault)
        }
        drainDatabase()
        rescheduleCPU()
        return nil
    }

    mutating func rearmIdleTimeouts() {
        for server in servers where server.state == .open {
            armIdleTimeout(server.backend)
        }
    }
}
