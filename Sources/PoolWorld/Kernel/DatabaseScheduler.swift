/// The events the fake database needs delivered, whichever simulator's queue carries them. The simulators'
/// own event enums conform with cases of these names.
protocol DatabaseWakeEvent {
    /// The next query finishes on the CPU (only the latest generation counts).
    static func cpu(generation: UInt32) -> Self
    static func statementDone(backend: Int32, generation: UInt32, statement: UInt32) -> Self
    static func statementTimeout(backend: Int32, generation: UInt32, statement: UInt32) -> Self
    static func idleCheck(backend: Int32, generation: UInt32, activity: UInt32) -> Self
}

/// Puts the fake database's wake-ups on a simulator's agenda: the next query to finish on the CPU, statements
/// answered after a round trip, statement and idle timeouts. The database itself keeps no time; this is how
/// its events reach the one clock of the world, the same in every simulator.
///
/// It works on the simulator's own stored `database` and `queue` passed `inout` (`SimulationKernel.withDatabase`),
/// not through a protocol's properties: a generic getter would copy the whole `Database` on every query
/// (measured: 12% slower).
struct DatabaseScheduler {
    /// Bumped for every CPU event scheduled; only the latest one is acted on.
    var cpuGeneration: UInt32 = 0
    /// When the live CPU event fires, or -1 when there is none.
    var cpuScheduledAt: Int64 = -1

    /// Arms the session's `statement_timeout` for the statement just started, if it has one.
    @inline(__always)
    static func armStatementTimeout<Event: DatabaseWakeEvent>(
        _ ref: BackendRef, _ serial: UInt32, _ database: inout Database, _ queue: inout EventQueue<Event>, now: Int64
    ) {
        guard let timeout = database.statementTimeout(ref) else { return }
        queue.schedule(
            .statementTimeout(backend: ref.slot, generation: ref.generation, statement: serial),
            at: now + timeout.nanoseconds)
    }

    /// Sends `statement` on backend `ref` and schedules whatever tells the client the outcome; returns the
    /// error and delay of a connection found dead.
    mutating func start<Event: DatabaseWakeEvent>(
        _ statement: SQLStatement, on ref: BackendRef, _ database: inout Database, _ queue: inout EventQueue<Event>,
        now: Int64
    ) -> (error: DatabaseError, after: SimDuration)? {
        let roundTrip = database.config.roundTrip.nanoseconds
        switch database.start(statement, on: ref, now: now) {
        case .cpu(let serial):
            Self.armStatementTimeout(ref, serial, &database, &queue, now: now)
            reschedule(&database, &queue, now: now)
        case .wall(let serial, let until):
            Self.armStatementTimeout(ref, serial, &database, &queue, now: now)
            queue.schedule(
                .statementDone(backend: ref.slot, generation: ref.generation, statement: serial), at: until + roundTrip)
        case .blocked(let serial):
            Self.armStatementTimeout(ref, serial, &database, &queue, now: now)
        case .lost(let error, let after):
            return (error, after)
        }
        return nil
    }

    /// Keeps exactly one live CPU event: at the next query completion, if any.
    @inline(__always)
    mutating func reschedule<Event: DatabaseWakeEvent>(
        _ database: inout Database, _ queue: inout EventQueue<Event>, now: Int64
    ) {
        guard let next = database.cpu.nextCompletion(now: now) else {
            cpuScheduledAt = -1
            return
        }
        guard next != cpuScheduledAt else { return }
        cpuGeneration &+= 1
        cpuScheduledAt = next
        queue.schedule(.cpu(generation: cpuGeneration), at: next)
    }

    /// Queries finished on the CPU answer their clients one round trip later.
    mutating func tick<Event: DatabaseWakeEvent>(
        _ generation: UInt32, _ database: inout Database, _ queue: inout EventQueue<Event>, now: Int64
    ) {
        guard generation == cpuGeneration else { return }
        cpuScheduledAt = -1
        let roundTrip = database.config.roundTrip.nanoseconds
        for finished in database.takeFinishedCPU(now: now) {
            queue.schedule(
                .statementDone(
                    backend: finished.backend.slot, generation: finished.backend.generation,
                    statement: finished.statement),
                at: now + roundTrip)
        }
        reschedule(&database, &queue, now: now)
    }

    /// Statements whose advisory lock was granted answer one round trip later.
    @inline(__always)
    static func scheduleLockGrants<Event: DatabaseWakeEvent>(
        _ database: inout Database, _ queue: inout EventQueue<Event>, now: Int64
    ) {
        guard !database.lockGrants.isEmpty else { return }
        let roundTrip = database.config.roundTrip.nanoseconds
        for grant in database.lockGrants {
            queue.schedule(
                .statementDone(
                    backend: grant.backend.slot, generation: grant.backend.generation, statement: grant.statement),
                at: now + roundTrip)
        }
        database.lockGrants.removeAll()
    }

    /// Arms the server's idle-session or idle-in-transaction timeout for this backend, if one applies.
    static func armIdleTimeout<Event: DatabaseWakeEvent>(
        _ ref: BackendRef, _ database: inout Database, _ queue: inout EventQueue<Event>, now: Int64
    ) {
        guard let timeout = database.idleTimeout(ref), let backend = database.backend(ref) else { return }
        queue.schedule(
            .idleCheck(backend: ref.slot, generation: ref.generation, activity: backend.activitySerial),
            at: now + timeout.after.nanoseconds)
    }

    /// Carries out the faults that only change the server's settings, the same in both worlds; nil for the
    /// others, which each simulator handles itself. Returns the fault's trace line.
    static func applyServerSetting(_ fault: Fault, to config: inout DatabaseConfig) -> TraceEvent.Kind? {
        switch fault {
        case .slowAuthentication(let extra): config.extraAuthDelay = extra
        case .authenticationFails(let fails): config.authenticationFails = fails
        case .idleSessionTimeout(let value): config.idleSessionTimeout = value
        case .idleInTransactionTimeout(let value): config.idleInTransactionSessionTimeout = value
        case .maxConnections(let value): config.maxConnections = value
        case .restart, .killConnection, .firewall: return nil
        }
        return .fault(fault.description)
    }
}
