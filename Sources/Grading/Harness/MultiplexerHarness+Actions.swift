import PoolWorld

extension MultiplexerHarness {
    mutating func carryOut(_ action: MultiplexerAction) {
        switch action {
        case .openServer:
            openServer()
        case .forward(let statement, let from, let to):
            forward(statement, from: from.slot, to: to.slot)
        case .reset(let server):
            reset(server.slot)
        case .reply(let client, let result):
            reply(client.slot, result)
        case .closeClient(let id, let error):
            closeClient(id.slot, error)
        case .closeServer(let server):
            guard known(server.slot), servers[server.slot].open, servers[server.slot].inFlight == nil else {
                fail("close", "closed \(server), which is not an open, quiet server connection")
                return
            }
            // PgBouncer closes a server only when it cannot be used again: left inside a transaction.
            guard servers[server.slot].abandoned || session(server.slot).transaction != .idle else {
                fail(
                    "close",
                    "closed \(server), a healthy server connection outside any transaction: keep it for the next "
                        + "client")
                return
            }
            servers[server.slot].open = false
            servers[server.slot].abandoned = false
            servers[server.slot].client = nil
            note((try? world.release(servers[server.slot].name))?.map(\.description).joined(separator: "\n") ?? "")
        }
    }

    func known(_ server: Int) -> Bool { server > 0 && server < servers.count }

    private mutating func openServer() {
        let open = servers.filter(\.open).count
        guard open + opening < config.defaultPoolSize else {
            fail(
                "exceeds pool size",
                "opened a server connection while \(open + opening) were open or opening; the pool size is "
                    + "\(config.defaultPoolSize)")
            return
        }
        // One server on its way for each client waiting without one; a client just arrived may ask for its own.
        let waiters = slots.values.filter { waitsForServer($0) }.count
        let onTheirWay = servers.filter { $0.open && !$0.announced }.count
        var newcomer = false
        if case .clientSent(let client, _) = event, opensThisEvent == 0, let (_, waiting) = self.client(client.slot) {
            newcomer = waitsForServer(waiting)
        }
        guard waiters > onTheirWay || newcomer else {
            fail(
                "opens a server nobody needs",
                "opened a server connection while \(waiters) client(s) wait for one and \(onTheirWay) are already on "
                    + "their way: open one only for a client that waits without one")
            return
        }
        opensThisEvent += 1
        let name = "s\(servers.count)"
        servers.append(Server(name: name))
        _ = try? world.borrow(name)
        var waited = 0
        while world.borrowerSummary.first(where: { $0.name == name })?.connection == nil && waited < 500 {
            _ = try? world.advance(by: .milliseconds(1))
            waited += 1
        }
        note("\(world.now) \(name) is open")
        events.append(.serverOpened(ServerID(servers.count - 1)))
    }

    private mutating func forward(_ statement: SQLStatement, from id: Int, to server: Int) {
        guard known(server), servers[server].open else {
            fail("forward", "sent client\(id)'s \(statement) to s\(server), which is not an open server connection")
            return
        }
        guard servers[server].inFlight == nil, !servers[server].resetting else {
            fail("forward", "sent client\(id)'s \(statement) to s\(server) while it was still busy with a statement")
            return
        }
        guard let (slot, client) = self.client(id), client.awaiting, client.pending == statement else {
            fail("forward", "forwarded \(statement) for client\(id), which did not send it")
            return
        }
        if let owner = servers[server].client, owner != id {
            let session = self.session(server)
            let why =
                config.poolMode == .session
                ? "in session mode s\(server) belongs to client\(owner) until it disconnects"
                : session.transaction != .idle
                    ? "s\(server) is inside client\(owner)'s open transaction" : "s\(server) is still client\(owner)'s"
            fail("shares a server", "sent client\(id)'s \(statement) to s\(server), but \(why)")
            return
        }
        if servers[server].client == nil {
            // A new assignment: first come, first served, and (in session mode) a clean session.
            if let earlier = slots.values.filter({
                waitsForServer($0) && $0.id != id && $0.waitingSince < client.waitingSince
            }).min(by: { $0.waitingSince < $1.waitingSince }) {
                fail(
                    "order",
                    "gave s\(server) to client\(id) before client\(earlier.id), which has waited longer: clients wait "
                        + "for a server first come, first served")
                return
            }
            let inherited = session(server)
            if inherited.transaction != .idle {
                fail(
                    "shares a server",
                    "gave s\(server) to client\(id) while it is still inside a transaction another client opened: "
                        + "a server left in a transaction must be closed, never handed on")
                return
            }
            if let previous = servers[server].lastClient, previous != id, servers[server].needsReset,
                config.poolMode == .session || config.serverResetQueryAlways
            {
                let inherits = inherited.isClean ? "" : ", and inherits: \(inherited.summary)"
                let when =
                    config.poolMode == .session
                    ? "in session mode" : "with server_reset_query_always in \(config.poolMode) mode"
                fail(
                    "no reset",
                    "client\(id) got s\(server) after client\(previous) without a reset\(inherits). Run "
                        + "\(config.serverResetQuery) (server_reset_query) before a server changes hands \(when)")
                return
            }
        }
        servers[server].client = id
        servers[server].inFlight = id
        run(statement, on: server)
        var updated = client
        updated.result = world.lastResult(of: servers[server].name)
        slots[slot] = updated
        let status = session(server).transaction
        if config.poolMode != .session && status == .idle {
            servers[server].client = nil
            servers[server].lastClient = id
            servers[server].needsReset = true
        }
        slots[slot]?.inTransaction = status != .idle
        let reply = MultiplexerEvent.serverReplied(
            ServerID(server), updated.result ?? StatementResult(.failure(.serverClosedConnection)), status)
        if lateReplies {
            delayed.append(reply)
        } else {
            servers[server].inFlight = nil
            events.append(reply)
        }
    }

    private mutating func run(_ statement: SQLStatement, on server: Int) {
        let lines = (try? world.query(servers[server].name, statement.description)) ?? []
        for line in lines { note(line.description) }
    }

    private mutating func reset(_ server: Int) {
        guard known(server), servers[server].open, servers[server].inFlight == nil else {
            fail("reset", "reset s\(server), which is not an open, quiet server connection")
            return
        }
        guard config.poolMode == .session || config.serverResetQueryAlways else {
            fail(
                "resets in transaction mode",
                "ran the reset query on s\(server) in \(config.poolMode) mode: PgBouncer runs server_reset_query only in "
                    + "session mode (unless server_reset_query_always is set)")
            return
        }
        if let owner = servers[server].client {
            fail("reset", "reset s\(server) while client\(owner) still uses it")
            return
        }
        if servers[server].abandoned {
            fail(
                "keeps a server in a transaction",
                "reset s\(server), whose client left inside a transaction: PgBouncer closes such a server "
                    + "(\"client disconnect while server was not ready\"); a reset cannot end another client's "
                    + "transaction")
            return
        }
        servers[server].resetting = true
        servers[server].needsReset = false
        run(config.serverResetQuery, on: server)
        let result = world.lastResult(of: servers[server].name) ?? StatementResult(.success("DISCARD ALL"))
        let reply = MultiplexerEvent.serverReplied(ServerID(server), result, session(server).transaction)
        if lateReplies {
            delayed.append(reply)
        } else {
            servers[server].resetting = false
            events.append(reply)
        }
    }

    private mutating func reply(_ id: Int, _ result: StatementResult) {
        guard let (slot, client) = self.client(id), client.awaiting, let answer = client.result else {
            fail("reply", "replied to client\(id), which is not waiting for an answer from a server")
            return
        }
        if config.poolMode == .statement, client.pending == .begin {
            fail(
                "allows BEGIN",
                "statement mode let client\(id) open a transaction (it got \(result.summary)): PgBouncer closes the "
                    + "client with \(DatabaseError.transactionBlocksNotAllowed)")
            return
        }
        guard result == answer else {
            fail("reply", "answered client\(id) with \(result.summary), but the server said \(answer.summary)")
            return
        }
        slots[slot]?.awaiting = false
        slots[slot]?.pending = nil
        slots[slot]?.result = nil
    }

    private mutating func closeClient(_ id: Int, _ error: DatabaseError) {
        guard let (slot, client) = self.client(id), !client.closed else {
            fail("close", "closed client\(id), which is not connected")
            return
        }
        guard config.poolMode == .statement, client.pending == .begin else {
            fail("close", "closed client\(id) with \(error), but it did nothing a pooler refuses")
            return
        }
        guard error == .transactionBlocksNotAllowed else {
            fail(
                "wrong error",
                "closed client\(id) with \(error); PgBouncer says \(DatabaseError.transactionBlocksNotAllowed)")
            return
        }
        slots[slot]?.closed = true
        slots[slot]?.awaiting = false
        slots[slot]?.inTransaction = false
        if let server = serverIndex(of: id) {
            servers[server].client = nil
            servers[server].lastClient = id
            servers[server].abandoned = session(server).transaction != .idle
        }
    }
}
