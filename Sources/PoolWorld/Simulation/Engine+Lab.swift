extension Engine {
    /// A named borrower in the lab asks for a connection; returns its request slot.
    mutating func manualBorrow(name: String, pool: Int32) -> Int32 {
        let slot = allocateRequest()
        nextRequestNumber += 1
        var record = RequestRecord()
        record.token = requests[Int(slot)].token &+ 1
        record.number = nextRequestNumber
        record.pool = pool
        record.arrivedAt = now
        record.manual = true
        record.live = true
        requests[Int(slot)] = record
        names[nextRequestNumber] = name
        liveRequests += 1
        requestBorrow(slot, second: false)
        return slot
    }

    /// The lab borrower gives its connection back and leaves.
    mutating func manualRelease(_ slot: Int32) {
        releaseConnection(slot, second: false)
        finish(slot, error: nil, timedOut: false)
    }

    /// The connection a live request holds, as (pool, connection), if any.
    func heldConnection(_ slot: Int32) -> (pool: Int32, connection: Int32)? {
        let record = requests[Int(slot)]
        guard record.live, record.primary >= 0 else { return nil }
        return (record.pool, record.primary)
    }

    /// Whether the connection has a statement in flight.
    func isBusy(_ pool: Int32, _ connection: Int32) -> Bool {
        let ref = books[Int(pool)].connections[Int(connection)].backend
        return database.backend(ref)?.running != nil
    }

    /// The server ends a backend; a client waiting on a statement there hears about it at once.
    mutating func serverEnds(_ ref: BackendRef, reason: DatabaseError) {
        let wasRunning = database.backend(ref)?.running != nil
        database.terminate(ref, reason: reason, now: now)
        guard let owner = owner(of: ref) else { return }
        note(.serverEnded(connection: connectionName(owner.pool, owner.connection), error: reason))
        if wasRunning {
            lostErrors[sideKey(owner.pool, owner.connection)] = reason
            agenda.schedule(.connectionLost(pool: owner.pool, connection: owner.connection), at: now)
        }
    }

    /// Carries out a fault; returns an error message if it named something that does not exist.
    mutating func inject(_ fault: Fault) -> String? {
        switch fault {
        case .restart:
            note(.fault(fault.description))
            for index in database.backends.indices where database.backends[index].serverAlive {
                let ref = BackendRef(slot: Int32(index), generation: database.backends[index].generation)
                serverEnds(ref, reason: .administratorCommand)
            }
            _ = database.restart(now: now)
        case .killConnection(let name):
            guard let (pool, connection) = connection(named: name),
                database.backend(books[Int(pool)].connections[Int(connection)].backend)?.serverAlive == true
            else {
                return "no open connection named \"\(name)\"; open ones: \(openConnectionNames.joined(separator: ", "))"
            }
            note(.fault(fault.description))
            serverEnds(books[Int(pool)].connections[Int(connection)].backend, reason: .administratorCommand)
        case .firewall(let limit):
            note(.fault(fault.description))
            database.config.firewallIdleLimit = limit
        case .slowAuthentication, .authenticationFails, .idleSessionTimeout, .idleInTransactionTimeout,
            .maxConnections:
            _ = applyServerSetting(fault)
        }
        drainDatabase()
        rescheduleCPU()
        return nil
    }

    mutating func rearmIdleTimeouts() {
        for index in database.backends.indices where database.backends[index].serverAlive {
            armIdleTimeout(BackendRef(slot: Int32(index), generation: database.backends[index].generation))
        }
    }

    /// `c3`, or `app2.c3` in a fleet.
    func connection(named name: String) -> (pool: Int32, connection: Int32)? {
        for pool in books.indices {
            for connection in books[pool].connections.indices.dropFirst()
            where connectionName(Int32(pool), Int32(connection)) == name {
                return (Int32(pool), Int32(connection))
            }
        }
        return nil
    }

    var openConnectionNames: [String] {
        var found: [String] = []
        for pool in books.indices {
            for connection in books[pool].connections.indices.dropFirst() {
                let ref = books[pool].connections[connection].backend
                if database.backend(ref)?.serverAlive == true {
                    found.append(connectionName(Int32(pool), Int32(connection)))
                }
            }
        }
        return found
    }

    /// Runs the next event, if there is one before `deadline`; false when there is none.
    mutating func step(before deadline: Int64) -> Bool {
        guard let next = agenda.nextTime, next <= deadline else { return false }
        run(until: next)
        return true
    }
}
