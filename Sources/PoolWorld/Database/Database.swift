/// The fake PostgreSQL server: connection slots, backends with session state, CPU and advisory locks.
///
/// It is sans-time in the same way the pool is: every method takes `now`, and anything that takes time
/// (a CPU-bound query, a sleep, a lock wait) is reported back so the simulation engine can schedule it on the
/// world's clock. Notifications and lock grants that a call causes are collected and drained by the engine.
struct Database {
    /// A NOTIFY delivered to a listening backend.
    struct Notification {
        var receiver: BackendRef
        var channel: String
        var payload: String
        var senderPID: Int32
    }

    var config: DatabaseConfig
    var backends: [Backend] = []
    private var freeRecords: [Int32] = []
    /// Backends holding a server slot now.
    private(set) var serverConnections = 0
    private(set) var peakServerConnections = 0
    private(set) var acceptedTotal = 0
    private(set) var rejectedTotal = 0
    private var nextPID: Int32 = 1_000
    private(set) var restartingUntil: Int64 = -1
    var cpu: ProcessorSharing
    var locks = AdvisoryLockTable()
    /// Filled by calls, drained by the engine.
    var notifications: [Notification] = []
    /// Notifications for listeners inside a transaction block: PostgreSQL hands them over when it ends.
    var heldNotifications: [Notification] = []
    var lockGrants: [(backend: BackendRef, statement: UInt32)] = []

    init(config: DatabaseConfig) {
        self.config = config
        self.cpu = ProcessorSharing(cores: config.cores)
    }

    /// What the next connection will cost, faults included.
    var setupCost: ConnectionSetup {
        var setup = config.setup
        setup.auth += config.extraAuthDelay
        return setup
    }

    func backend(_ ref: BackendRef) -> Backend? {
        guard ref.slot >= 0, Int(ref.slot) < backends.count else { return nil }
        let record = backends[Int(ref.slot)]
        return record.generation == ref.generation ? record : nil
    }

    /// Memory used by backends that hold a slot.
    var memoryInUse: Int { serverConnections * config.memoryPerBackend }

    // MARK: Connecting and disconnecting

    /// Admits a new backend at the end of connection setup, or refuses it with PostgreSQL's error.
    mutating func connect(now: Int64, superuser: Bool = false) -> Result<BackendRef, DatabaseError> {
        if now < restartingUntil {
            rejectedTotal += 1
            return .failure(.startingUp)
        }
        // PostgreSQL's order: a backend needs a free process slot before it can authenticate ("too many
        // clients"), and the reserved slots are checked once it knows who logged in (InitPostgres, after
        // authentication), with the text for whichever reservation the free slots fall in.
        if serverConnections >= config.maxConnections {
            rejectedTotal += 1
            return .failure(.tooManyClients)
        }
        if config.authenticationFails {
            rejectedTotal += 1
            return .failure(.passwordAuthenticationFailed(user: superuser ? "postgres" : config.user))
        }
        if !superuser && serverConnections >= config.slotsForOrdinaryRoles {
            rejectedTotal += 1
            let free = config.maxConnections - serverConnections - 1
            return .failure(
                free < config.superuserReservedConnections ? .reservedForSuperuser : .reservedForPrivilegedRoles)
        }
        let slot: Int32
        if let reused = freeRecords.popLast() {
            slot = reused
        } else {
            slot = Int32(backends.count)
            backends.append(Backend())
        }
        var record = backends[Int(slot)]
        record.generation &+= 1
        record.pid = nextPID
        nextPID += 1
        record.serverAlive = true
        record.clientAttached = true
        record.superuser = superuser
        record.session = SessionState()
        record.openedAt = now
        record.lastActivity = now
        record.activitySerial &+= 1
        record.running = nil
        record.termination = nil
        record.droppedByFirewall = false
        backends[Int(slot)] = record
        serverConnections += 1
        peakServerConnections = max(peakServerConnections, serverConnections)
        acceptedTotal += 1
        return .success(BackendRef(slot: slot, generation: record.generation))
    }

    /// The client closes its connection. Returns the time at which the server will notice, if later than
    /// now: a connection the firewall dropped keeps its backend until TCP keepalive gives up.
    mutating func disconnect(_ ref: BackendRef, now: Int64) -> Int64? {
        guard backend(ref) != nil else { return nil }
        let index = Int(ref.slot)
        cancelRunning(index, now: now)
        backends[index].clientAttached = false
        if backends[index].serverAlive && isDroppedByFirewall(index, now: now) {
            backends[index].droppedByFirewall = true
            return backends[index].lastActivity + config.orphanedBackendLifetime.nanoseconds
        }
        endServerSide(index)
        releaseIfUnused(index)
        return nil
    }

    /// The server side ends the backend (timeout, administrator, restart); the client learns on next use.
    mutating func terminate(_ ref: BackendRef, reason: DatabaseError, now: Int64) {
        guard backend(ref) != nil else { return }
        let index = Int(ref.slot)
        guard backends[index].serverAlive else { return }
        cancelRunning(index, now: now)
        backends[index].termination = reason
        endServerSide(index)
        releaseIfUnused(index)
    }

    /// A restart: every backend ends and new connections fail until the server is up again.
    mutating func restart(now: Int64) -> [BackendRef] {
        var ended: [BackendRef] = []
        for index in backends.indices where backends[index].serverAlive {
            let ref = BackendRef(slot: Int32(index), generation: backends[index].generation)
            terminate(ref, reason: .administratorCommand, now: now)
            ended.append(ref)
        }
        restartingUntil = now + config.restartDuration.nanoseconds
        return ended
    }

    /// The firewall makes every connection idle for longer than its limit unusable.
    func isDroppedByFirewall(_ index: Int, now: Int64) -> Bool {
        let record = backends[index]
        if record.droppedByFirewall { return true }
        guard let limit = config.firewallIdleLimit, record.running == nil else { return false }
        return now - record.lastActivity > limit.nanoseconds
    }

    private mutating func endServerSide(_ index: Int) {
        if !heldNotifications.isEmpty { heldNotifications.removeAll { $0.receiver.slot == Int32(index) } }
        guard backends[index].serverAlive else { return }
        backends[index].serverAlive = false
        serverConnections -= 1
        for grant in locks.releaseAll(of: Int32(index)) {
            grantLock(grant.key, to: grant.backend)
        }
        backends[index].session.advisoryLocks = [:]
    }

    private mutating func releaseIfUnused(_ index: Int) {
        let record = backends[index]
        if !record.serverAlive && !record.clientAttached {
            backends[index].running = nil
            freeRecords.append(Int32(index))
        }
    }

    private mutating func cancelRunning(_ index: Int, now: Int64) {
        guard let running = backends[index].running else { return }
        switch running.phase {
        case .cpu: cpu.cancel(ProcessorSharing.Job(backend: Int32(index), statement: running.serial), now: now)
        case .wall: break
        case .lock(let key): locks.stopWaiting(Int32(index), for: key)
        }
        backends[index].running = nil
    }

    func grantLockTarget(_ backendIndex: Int32) -> BackendRef {
        BackendRef(slot: backendIndex, generation: backends[Int(backendIndex)].generation)
    }

    mutating func grantLock(_ key: Int64, to backendIndex: Int32) {
        let index = Int(backendIndex)
        guard let running = backends[index].running, case .lock(let waited) = running.phase, waited == key else {
            // The waiter went away in the meantime: pass the lock on.
            if let next = locks.release(key) { grantLock(key, to: next) }
            return
        }
        backends[index].session.advisoryLocks[key, default: 0] += 1
        backends[index].running?.phase = .wall
        lockGrants.append((grantLockTarget(backendIndex), running.serial))
    }

    /// The orphaned backend of a firewall-dropped connection is finally noticed and closed by the server.
    mutating func reapOrphan(_ ref: BackendRef) {
        guard backend(ref) != nil else { return }
        let index = Int(ref.slot)
        endServerSide(index)
        releaseIfUnused(index)
    }

    /// Server-side idle timeouts that apply to this backend now, with the error the client will see.
    func idleTimeout(_ ref: BackendRef) -> (after: SimDuration, reason: DatabaseError)? {
        guard let record = backend(ref), record.serverAlive, record.running == nil else { return nil }
        if record.session.transaction == .idle {
            let timeout = effectiveTimeout("idle_session_timeout", record, fallback: config.idleSessionTimeout)
            return timeout.map { ($0, .idleSessionTimeout) }
        }
        let timeout = effectiveTimeout(
            "idle_in_transaction_session_timeout", record, fallback: config.idleInTransactionSessionTimeout)
        return timeout.map { ($0, .idleInTransactionTimeout) }
    }

    /// A session's own setting if it made one, else the server's; nil when off.
    func effectiveTimeout(_ name: String, _ record: Backend, fallback: SimDuration?) -> SimDuration? {
        let value = record.session.settings[name].flatMap(SessionSettings.parseTimeout) ?? fallback
        guard let value, value > .zero else { return nil }
        return value
    }

    /// A snapshot for reports and the lab.
    var stats: DatabaseStats {
        DatabaseStats(
            connections: serverConnections, peakConnections: peakServerConnections,
            maxConnections: config.maxConnections, memoryBytes: memoryInUse,
            runningQueries: cpu.active, busyCores: cpu.busyCores, cores: config.cores,
            acceptedConnections: acceptedTotal, refusedConnections: rejectedTotal)
    }
}
