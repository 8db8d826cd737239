extension Engine {
    /// Sends a statement on a pool connection and schedules whatever tells the client the outcome.
    mutating func runStatement(_ statement: SQLStatement, _ pool: Int32, _ connection: Int32) {
        let index = Int(connection)
        let ref = books[Int(pool)].connections[index].backend
        books[Int(pool)].connections[index].statementStartedAt = now
        if tracing { runningStatements[sideKey(pool, connection)] = statement }
        if let lost = startStatement(statement, on: ref) {
            lostErrors[sideKey(pool, connection)] = lost.error
            agenda.schedule(.connectionLost(pool: pool, connection: connection), at: now + lost.after.nanoseconds)
        }
        drainDatabase()
    }

    /// Schedules the completion of statements whose advisory lock was granted, and traces notifications.
    mutating func drainDatabase() {
        scheduleLockGrants()
        if !database.notifications.isEmpty {
            for delivery in database.notifications {
                if let owner = owner(of: delivery.receiver) {
                    note(
                        .notification(
                            connection: connectionName(owner.pool, owner.connection), channel: delivery.channel,
                            payload: delivery.payload, senderPID: delivery.senderPID))
                }
            }
            database.notifications.removeAll()
        }
    }

    func owner(of ref: BackendRef) -> BackendOwner? {
        guard ref.slot >= 0, Int(ref.slot) < backendOwners.count else { return nil }
        let owner = backendOwners[Int(ref.slot)]
        return owner.generation == ref.generation && owner.pool >= 0 ? owner : nil
    }

    mutating func statementDone(_ ref: BackendRef, _ serial: UInt32) {
        guard let result = finishStatement(ref, serial) else { return }
        guard let owner = owner(of: ref) else { return }
        statementFinished(owner.pool, owner.connection, result)
    }

    mutating func statementTimedOut(_ ref: BackendRef, _ serial: UInt32) {
        guard let result = cancelTimedOutStatement(ref, serial) else { return }
        guard let owner = owner(of: ref) else { return }
        statementFinished(owner.pool, owner.connection, result)
    }

    /// The client got a statement's result: a validation ping's, a request's, or a lab borrower's.
    mutating func statementFinished(_ pool: Int32, _ connection: Int32, _ result: StatementResult) {
        let index = Int(connection)
        let record = books[Int(pool)].connections[index]
        switch record.state {
        case .validating:
            books[Int(pool)].connections[index].state = .pooled
            note(.validated(connection: connectionName(pool, connection), error: result.error))
            if let error = result.error {
                deliver(pool, .validationFailed(ConnectionID(connection), error))
            } else {
                deliver(pool, .validationSucceeded(ConnectionID(connection)))
            }
        case .lent:
            let slot = record.holder
            guard slot >= 0 else { return }
            if tracing {
                note(
                    .statement(
                        request: requestName(slot), connection: connectionName(pool, connection),
                        sql: runningStatements[sideKey(pool, connection)]?.description ?? "", result: result.summary,
                        took: SimDuration(nanoseconds: now - record.statementStartedAt)))
            }
            if requests[Int(slot)].manual {
                manualResults[slot] = result
                return
            }
            if let error = result.error {
                requestFailed(
                    slot, error: error.description, timedOut: false, retryable: workload.retry.retryErrors)
            } else {
                requests[Int(slot)].step += 1
                advance(slot)
            }
        default:
            break
        }
    }

    /// The client finds out that a connection is dead (on use, after any delay the firewall imposes).
    mutating func connectionLost(_ pool: Int32, _ connection: Int32) {
        let index = Int(connection)
        let error = lostErrors[sideKey(pool, connection)] ?? .serverClosedConnection
        guard !books[Int(pool)].connections[index].broken else { return }
        books[Int(pool)].connections[index].broken = true
        disconnect(pool, connection)
        note(.lost(connection: connectionName(pool, connection), error: error))
        statementFinished(pool, connection, .failure(error))
    }

    mutating func idleCheck(_ ref: BackendRef, _ activity: UInt32) {
        guard let reason = idleTimeoutDue(ref, activity) else { return }
        database.terminate(ref, reason: reason, now: now)
        if let owner = owner(of: ref) {
            note(.serverEnded(connection: connectionName(owner.pool, owner.connection), error: reason))
        }
        drainDatabase()
    }
}
