extension Database {
    /// How a statement the client sent will take its time.
    enum StatementStart {
        /// Using CPU: it ends when the processor-sharing scheduler says so.
        case cpu(serial: UInt32)
        /// Ends at this instant (a sleep, or a lock that was granted at once).
        case wall(serial: UInt32, until: Int64)
        /// Waiting for an advisory lock; it ends when the lock is granted (see `lockGrants`).
        case blocked(serial: UInt32)
        /// The connection is gone; the client sees this error after this delay (no server involved).
        case lost(DatabaseError, after: SimDuration)
    }

    /// Sends `statement` on `ref` at `now`. The effect on session state happens now; the result is held
    /// until the statement's time is up and `finish` hands it over.
    mutating func start(_ statement: SQLStatement, on ref: BackendRef, now: Int64) -> StatementStart {
        guard backend(ref) != nil else { return .lost(.serverClosedConnection, after: .zero) }
        let index = Int(ref.slot)
        if let reason = backends[index].termination {
            return .lost(reason, after: .zero)
        }
        if isDroppedByFirewall(index, now: now) {
            backends[index].droppedByFirewall = true
            return .lost(.connectionTimedOut, after: config.firewallFailureDelay)
        }
        backends[index].activitySerial &+= 1
        backends[index].nextStatementSerial &+= 1
        let serial = backends[index].nextStatementSerial
        var phase = Backend.Running.Phase.cpu
        let result = execute(statement, index: index, phase: &phase)
        if result.error != nil && backends[index].session.transaction == .inTransaction {
            backends[index].session.transaction = .failed
        }
        backends[index].running = Backend.Running(
            serial: serial, statement: statement, startedAt: now, phase: phase, result: result)
        switch phase {
        case .cpu:
            let work: SimDuration
            if case .work(let cost) = statement, result.error == nil {
                work = cost
            } else {
                work = config.trivialStatementCost
            }
            cpu.start(ProcessorSharing.Job(backend: Int32(index), statement: serial), work: work.nanoseconds, now: now)
            return .cpu(serial: serial)
        case .wall:
            var until = now
            if case .sleep(let duration) = statement { until += duration.nanoseconds }
            return .wall(serial: serial, until: until)
        case .lock:
            return .blocked(serial: serial)
        }
    }

    /// CPU jobs finished by `now`, as backend handles with their statement serials.
    mutating func takeFinishedCPU(now: Int64) -> [(backend: BackendRef, statement: UInt32)] {
        cpu.takeFinished(now: now).map { (grantLockTarget($0.backend), $0.statement) }
    }

    /// Hands over the result of the statement `serial`; the backend becomes idle. Nil if it is not running.
    mutating func finish(_ ref: BackendRef, statement serial: UInt32, now: Int64) -> StatementResult? {
        guard let record = backend(ref), let running = record.running, running.serial == serial else { return nil }
        let index = Int(ref.slot)
        backends[index].running = nil
        backends[index].lastActivity = now
        backends[index].activitySerial &+= 1
        return running.result
    }

    /// Cancels statement `serial` because of `statement_timeout`; returns its (new, failed) result.
    mutating func cancelForTimeout(_ ref: BackendRef, statement serial: UInt32, now: Int64) -> StatementResult? {
        guard let record = backend(ref), let running = record.running, running.serial == serial else { return nil }
        let index = Int(ref.slot)
        switch running.phase {
        case .cpu: cpu.cancel(ProcessorSharing.Job(backend: Int32(index), statement: serial), now: now)
        case .wall: break
        case .lock(let key): locks.stopWaiting(Int32(index), for: key)
        }
        backends[index].running = nil
        backends[index].lastActivity = now
        backends[index].activitySerial &+= 1
        if backends[index].session.transaction == .inTransaction {
            backends[index].session.transaction = .failed
        }
        return .failure(.statementTimeout)
    }

    /// The statement timeout that applies to a statement starting now on `ref`, if any.
    func statementTimeout(_ ref: BackendRef) -> SimDuration? {
        guard let record = backend(ref) else { return nil }
        return effectiveTimeout("statement_timeout", record, fallback: config.statementTimeout)
    }

    // MARK: Semantics

    private mutating func execute(
        _ statement: SQLStatement, index: Int, phase: inout Backend.Running.Phase
    ) -> StatementResult {
        var session = backends[index].session
        defer { backends[index].session = session }
        if session.transaction == .failed && !statement.endsTransaction {
            return .failure(.transactionAborted)
        }
        switch statement {
        case .selectValue(let value):
            return .value(value)
        case .work:
            return .value("1")
        case .sleep:
            phase = .wall
            return .value("")
        case .divisionByZero:
            return .failure(.divisionByZero)
        case .begin:
            guard session.transaction == .idle else {
                return .value("BEGIN", warning: "there is already a transaction in progress")
            }
            session.beginTransaction()
            return .value("BEGIN")
        case .commit:
            switch session.transaction {
            case .idle: return .value("COMMIT", warning: "there is no transaction in progress")
            case .failed:
                _ = session.endTransaction(commit: false)
                releaseHeldNotifications(for: index)
                return .value("ROLLBACK")
            case .inTransaction:
                let deliveries = session.endTransaction(commit: true)
                backends[index].session = session
                for delivery in deliveries {
                    deliver(delivery.channel, delivery.payload, from: index)
                }
                session = backends[index].session
                releaseHeldNotifications(for: index)
                return .value("COMMIT")
            }
        case .rollback:
            guard session.transaction != .idle else {
                return .value("ROLLBACK", warning: "there is no transaction in progress")
            }
            _ = session.endTransaction(commit: false)
            releaseHeldNotifications(for: index)
            return .value("ROLLBACK")
        case .set(let name, let value, let local):
            return set(name, value, local: local, session: &session)
        case .reset(let name):
            guard let name else {
                session.settings = [:]
                return .value("RESET")
            }
            guard SessionSettings.isKnown(name) else { return .failure(.unknownParameter(name)) }
            session.settings[name] = nil
            return .value("RESET")
        case .show(let name):
            do {
                return .value(try show(name, session: session))
            } catch {
                return .failure(error)
            }
        case .prepare(let name, let inner):
            guard session.preparedStatements[name] == nil else { return .failure(.preparedStatementExists(name)) }
            session.preparedStatements[name] = inner
            return .value("PREPARE")
        case .execute(let name):
            guard let inner = session.preparedStatements[name] else {
                return .failure(.preparedStatementMissing(name))
            }
            backends[index].session = session
            let result = execute(inner, index: index, phase: &phase)
            session = backends[index].session
            return result
        case .deallocate(let name):
            guard let name else {
                session.preparedStatements = [:]
                return .value("DEALLOCATE ALL")
            }
            guard session.preparedStatements.removeValue(forKey: name) != nil else {
                return .failure(.preparedStatementMissing(name))
            }
            return .value("DEALLOCATE")
        case .createTempTable(let name):
            guard session.tempTables[name] == nil else { return .failure(.relationExists(name)) }
            session.tempTables[name] = 0
            return .value("CREATE TABLE")
        case .createTempTableOnCommit(let name, let onCommit):
            guard session.tempTables[name] == nil else { return .failure(.relationExists(name)) }
            session.tempTables[name] = 0
            if onCommit != .preserveRows { session.withExtras { $0.tempTableOnCommit[name] = onCommit } }
            // Outside a transaction block the statement commits at once: an ON COMMIT DROP table is gone already.
            if session.transaction == .idle { session.applyOnCommit() }
            return .value("CREATE TABLE")
        case .insert(let table):
            guard let rows = session.tempTables[table] else { return .failure(.relationMissing(table)) }
            session.tempTables[table] = rows + 1
            if session.transaction == .idle { session.applyOnCommit() }
            return .value("INSERT 0 1")
        case .selectFrom(let table):
            guard let rows = session.tempTables[table] else { return .failure(.relationMissing(table)) }
            return .value(String(rows))
        case .generateSeries(let from, let to):
            return .value(Self.series(from, to).joined(separator: ", "))
        case .declareCursor(let name, let hold, let query):
            guard hold || session.transaction != .idle else { return .failure(.cursorOutsideTransaction) }
            guard session.cursors[name] == nil else { return .failure(.cursorExists(name)) }
            let rows: [String]
            switch query {
            case .selectFrom(let table):
                guard let count = session.tempTables[table] else { return .failure(.relationMissing(table)) }
                rows = (0..<count).map { String($0 + 1) }
            case .generateSeries(let from, let to): rows = Self.series(from, to)
            case .selectValue(let value): rows = [value]
            default: return .failure(.syntaxError(near: query.description))
            }
            session.cursors[name] = SessionCursor(hold: hold, rows: rows)
            return .value("DECLARE CURSOR")
        case .fetch(let name, let count):
            guard session.cursors[name] != nil else { return .failure(.cursorMissing(name)) }
            var rows: ArraySlice<String> = []
            session.withExtras { rows = $0.cursors[name]?.fetch(count) ?? [] }
            return .value(rows.isEmpty ? "(0 rows)" : rows.joined(separator: ", "))
        case .closeCursor(let name):
            guard let name else {
                session.cursors = [:]
                return .value("CLOSE CURSOR ALL")
            }
            guard session.cursors.removeValue(forKey: name) != nil else { return .failure(.cursorMissing(name)) }
            return .value("CLOSE CURSOR")
        case .load(let library):
            guard SessionSettings.libraries[library] != nil else { return .failure(.libraryMissing(library)) }
            session.loadedLibraries.insert(library)
            return .value("LOAD")
        case .discardPlans:
            // Plans are per backend and rebuilt on demand: dropping them changes timing, never results.
            return .value("DISCARD PLANS")
        case .listen(let channel), .unlisten(.some(let channel)):
            let listen: Bool
            if case .listen = statement { listen = true } else { listen = false }
            if session.transaction == .inTransaction {
                session.pendingListens.append((channel, listen))
            } else {
                session.applyListen(channel, listen: listen)
            }
            return .value(listen ? "LISTEN" : "UNLISTEN")
        case .unlisten(.none):
            if session.transaction == .inTransaction {
                session.pendingListens.append((nil, false))
            } else {
                session.applyListen(nil, listen: false)
            }
            return .value("UNLISTEN")
        case .notify(let channel, let payload):
            if session.transaction == .inTransaction {
                session.pendingNotifies.append((channel, payload))
            } else {
                backends[index].session = session
                deliver(channel, payload, from: index)
                session = backends[index].session
            }
            return .value("NOTIFY")
        case .advisoryLock(let key):
            if locks.acquire(key, for: Int32(index), wait: true) {
                session.advisoryLocks[key, default: 0] += 1
                return .value("")
            }
            phase = .lock(key)
            return .value("")
        case .tryAdvisoryLock(let key):
            guard locks.acquire(key, for: Int32(index), wait: false) else { return .value("f") }
            session.advisoryLocks[key, default: 0] += 1
            return .value("t")
        case .advisoryUnlock(let key):
            guard let count = session.advisoryLocks[key], count > 0 else {
                return .value("f", warning: "you don't own a lock of type ExclusiveLock")
            }
            if count == 1 {
                session.advisoryLocks[key] = nil
                backends[index].session = session
                if let next = locks.release(key) { grantLock(key, to: next) }
                session = backends[index].session
            } else {
                session.advisoryLocks[key] = count - 1
            }
            return .value("t")
        case .discardAll:
            guard session.transaction == .idle else { return .failure(.cannotRunInTransaction("DISCARD ALL")) }
            backends[index].session = session
            for grant in locks.releaseAll(of: Int32(index)) {
                grantLock(grant.key, to: grant.backend)
            }
            let libraries = session.loadedLibraries
            session = SessionState()
            session.loadedLibraries = libraries
            return .value("DISCARD ALL")
        }
    }

    private func set(_ name: String, _ value: String, local: Bool, session: inout SessionState) -> StatementResult {
        guard SessionSettings.isKnown(name) else { return .failure(.unknownParameter(name)) }
        var stored = value
        if SessionSettings.timeoutNames.contains(name) {
            guard let timeout = SessionSettings.parseTimeout(value) else {
                return .failure(.invalidParameterValue(name, value))
            }
            stored = SessionSettings.formatTimeout(timeout)
        }
        if local {
            guard session.transaction != .idle else {
                return .value("SET", warning: "SET LOCAL can only be used in transaction blocks")
            }
            if session.localRestore[name] == nil {
                session.localRestore[name] = .some(session.settings[name])
            }
        }
        session.settings[name] = stored
        return .value("SET")
    }

    private func show(_ name: String, session: SessionState) throws(DatabaseError) -> String {
        if let value = session.settings[name] { return value }
        switch name {
        case "statement_timeout": return SessionSettings.formatTimeout(config.statementTimeout ?? .zero)
        case "idle_session_timeout": return SessionSettings.formatTimeout(config.idleSessionTimeout ?? .zero)
        case "idle_in_transaction_session_timeout":
            return SessionSettings.formatTimeout(config.idleInTransactionSessionTimeout ?? .zero)
        case "max_connections": return String(config.maxConnections)
        case "superuser_reserved_connections": return String(config.superuserReservedConnections)
        default: break
        }
        if let value = SessionSettings.defaults[name] { return value }
        for library in session.loadedLibraries {
            if let value = SessionSettings.libraries[library]?[name] { return value }
        }
        throw .unknownParameter(name)
    }

    /// The rows of `generate_series(from, to)`, at most 10,000 (enough for any lab, small enough to print).
    private static func series(_ from: Int, _ to: Int) -> [String] {
        guard from <= to else { return [] }
        return (from...min(to, from + 9_999)).map(String.init)
    }
}
