extension ProxyEngine {
    /// A client logs in to the proxy; returns its id (its record says whether it got in).
    mutating func connectClient(
        name: String, database: String, user: String, parameters: [String: String] = [:], pod: Int32 = -1
    ) -> ClientID {
        let client = ClientID(Int32(clients.count))
        var record = ClientRecord()
        record.name = name
        record.database = database
        record.user = user
        record.pod = pod
        for (key, value) in parameters where Database.trackedParameters.contains(key) {
            record.parameters[key] = value
        }
        clients.append(record)
        if scenario.clientLogin > .zero {
            agenda.schedule(.clientLogin(client: client.rawValue), at: now + scenario.clientLogin.nanoseconds)
        } else {
            deliver(.clientConnected(client, database: database, user: user))
        }
        return client
    }

    /// The client closes its connection; an unanswered message is dropped with it.
    mutating func disconnectClient(_ client: ClientID) {
        let index = Int(client.rawValue)
        guard clients[index].state == .connected else { return }
        _ = stopWaiting(client)
        if let server = clients[index].server { unlink(server) }
        clients[index].state = .closed
        clients[index].message = nil
        note(.clientDisconnected(client: clientName(client)))
        deliver(.clientDisconnected(client))
    }

    /// Whether PgBouncer tracks this client's protocol-level prepared statements itself.
    func tracksPreparedStatements(_ client: ClientID) -> Bool {
        scenario.proxy.maxPreparedStatements > 0 && proxy.poolName(proxy.poolOf(client: client)).mode != .session
    }

    /// The client sends a message; the proxy finds it a server connection, or answers itself.
    mutating func send(_ message: ClientMessage, from client: ClientID) {
        let index = Int(client.rawValue)
        guard clients[index].state == .connected else {
            clients[index].message = message
            answer(client, .failure(clients[index].closedWith ?? .serverClosedConnection))
            return
        }
        clients[index].message = message
        clients[index].sentAt = now
        clients[index].lostError = nil
        if tracksPreparedStatements(client) {
            switch message {
            case .parse(let name, let statement, let text):
                // PgBouncer keeps the statement for the client; a server sees it only when it is executed.
                let result: StatementResult
                if clients[index].prepared[name] != nil {
                    result = .failure(.preparedStatementExists(name))
                } else {
                    clients[index].prepared[name] = statement
                    proxy.countPrepared(.clientParse, client: client)
                    result = .value("")
                }
                note(
                    .statement(
                        request: clientName(client), connection: "pgbouncer", sql: text, result: result.summary,
                        took: .zero))
                answer(client, result)
                return
            case .bindExecute(let name, let text) where clients[index].prepared[name] == nil:
                let result = StatementResult.failure(.preparedStatementMissing(name))
                note(
                    .statement(
                        request: clientName(client), connection: "pgbouncer", sql: text, result: result.summary,
                        took: .zero))
                answer(client, result)
                return
            default:
                break
            }
        }
        deliver(.clientQuery(client, bytes: ProtocolSize.request(message)))
    }

    /// Runs the client's message on the server connection the proxy linked it to.
    mutating func sendMessage(_ client: ClientID, on server: ServerID) {
        guard let message = clients[Int(client.rawValue)].message, servers[Int(server.rawValue)].state == .open else {
            return
        }
        let statement: SQLStatement
        switch message {
        case .query(let query, _):
            statement = query
        case .parse(let name, let query, _):
            statement = .prepare(name: name, statement: query)
        case .bindExecute(let name, _):
            guard tracksPreparedStatements(client), let query = clients[Int(client.rawValue)].prepared[name] else {
                statement = .execute(name: name)
                break
            }
            let serverSide = internalName(for: query)
            if database.prepareIfMissing(serverSide, query, on: servers[Int(server.rawValue)].backend) {
                proxy.countPrepared(.serverParse, client: client)
                note(.proxyLog("prepares \(query) on \(serverName(server)) as \(serverSide)"))
            }
            proxy.countPrepared(.bind, client: client)
            statement = .execute(name: serverSide)
        }
        runStatement(statement, on: server, for: .client(client))
    }

    /// PgBouncer's server-side name for a statement: `PGBOUNCER_1`, `PGBOUNCER_2`, … one per distinct query.
    private mutating func internalName(for statement: SQLStatement) -> String {
        if let name = internalNames[statement] { return name }
        let name = "PGBOUNCER_\(internalNames.count + 1)"
        internalNames[statement] = name
        return name
    }

    /// The client's message is answered, exactly once; a workload request continues from the agenda.
    mutating func answer(_ client: ClientID, _ result: StatementResult) {
        let index = Int(client.rawValue)
        guard clients[index].message != nil else {
            violation("\(clientName(client)) got a second answer to one query: \(result.summary)")
            return
        }
        clients[index].message = nil
        clients[index].lastResult = result
        let slot = clients[index].request
        if slot >= 0 {
            agenda.schedule(.answered(slot: slot, token: requests[Int(slot)].token), at: now)
        }
    }

    /// A server's answer reaches the client one proxy hop later (`ProxyScenario.hop`): PgBouncer has already
    /// taken the server connection back, and the client's statement costs the hop a direct one does not.
    mutating func relay(_ client: ClientID, _ result: StatementResult) {
        let hop = scenario.hop.nanoseconds
        guard hop > 0 else {
            answer(client, result)
            return
        }
        clients[Int(client.rawValue)].relaying = result
        agenda.schedule(.relayed(client: client.rawValue), at: now + hop)
    }

    /// The relayed answer arrives, unless the client left or was closed meanwhile.
    mutating func relayed(_ client: ClientID) {
        let index = Int(client.rawValue)
        guard let result = clients[index].relaying else { return }
        clients[index].relaying = nil
        guard clients[index].state == .connected, clients[index].message != nil else { return }
        answer(client, result)
    }

    /// `DISCARD ALL` and `DEALLOCATE ALL` from a client also clear the prepared statements PgBouncer tracks for
    /// it, as PgBouncer's documentation promises.
    mutating func forgetTrackedStatements(_ client: ClientID, after statement: SQLStatement?, _ result: StatementResult)
    {
        guard result.error == nil, tracksPreparedStatements(client) else { return }
        switch statement {
        case .discardAll, .deallocate(name: nil): clients[Int(client.rawValue)].prepared = [:]
        default: break
        }
    }

    // MARK: Tracked parameters

    /// Before linking, PgBouncer sets the tracked parameters the server connection has differently from
    /// what this client expects (its startup values, or what it SET itself).
    mutating func applyTrackedParameters(_ client: ClientID, on server: ServerID) {
        let ref = servers[Int(server.rawValue)].backend
        for name in Database.trackedParameters {
            let wanted = clients[Int(client.rawValue)].parameters[name] ?? SessionSettings.defaults[name]
            guard let wanted, database.effectiveSetting(name, on: ref) != wanted else { continue }
            database.applySetting(name, wanted, on: ref)
        }
    }

    /// After a statement, the server reports tracked parameters that changed; PgBouncer remembers them for
    /// the client.
    mutating func syncTrackedParameters(_ client: ClientID, from server: ServerID) {
        switch servers[Int(server.rawValue)].statement {
        case .set, .reset, .commit, .rollback, .discardAll, .execute: break
        default: return
        }
        let ref = servers[Int(server.rawValue)].backend
        for name in Database.trackedParameters {
            guard let value = database.effectiveSetting(name, on: ref) else { continue }
            if value == SessionSettings.defaults[name] {
                clients[Int(client.rawValue)].parameters[name] = nil
            } else {
                clients[Int(client.rawValue)].parameters[name] = value
            }
        }
    }
}
