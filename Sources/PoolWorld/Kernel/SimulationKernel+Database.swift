/// The database's side of a run, the same in every world: statements started and answered, the CPU's and the
/// server's timeouts scheduled, faults that change the server's settings. What a world does with an answer,
/// a dead connection or a notification is its own (`drainDatabase`, and each simulator's callers).
extension SimulationKernel {
    mutating func rescheduleCPU() {
        withDatabase { database, scheduler, queue, now in scheduler.reschedule(&database, &queue, now: now) }
    }

    mutating func cpuTick(_ generation: UInt32) {
        withDatabase { database, scheduler, queue, now in scheduler.tick(generation, &database, &queue, now: now) }
    }

    mutating func scheduleLockGrants() {
        withDatabase { database, _, queue, now in DatabaseScheduler.scheduleLockGrants(&database, &queue, now: now) }
    }

    mutating func armIdleTimeout(_ ref: BackendRef) {
        withDatabase { database, _, queue, now in DatabaseScheduler.armIdleTimeout(ref, &database, &queue, now: now) }
    }

    /// Sends `statement` on backend `ref` and schedules whatever tells the client the outcome. Returns the
    /// error and the delay after which the client finds the connection dead, when it is; each world handles
    /// that its own way. The caller drains the database afterwards.
    mutating func startStatement(_ statement: SQLStatement, on ref: BackendRef) -> (
        error: DatabaseError, after: SimDuration
    )? {
        withDatabase { database, scheduler, queue, now in
            scheduler.start(statement, on: ref, &database, &queue, now: now)
        }
    }

    /// A statement's answer reaches the client: its result, or nil when the statement is no longer the one
    /// running there (cancelled, or the backend is gone). The session's idle timeout starts again.
    mutating func finishStatement(_ ref: BackendRef, _ serial: UInt32) -> StatementResult? {
        withDatabase { database, _, queue, now in
            guard let result = database.finish(ref, statement: serial, now: now) else { return nil }
            DatabaseScheduler.armIdleTimeout(ref, &database, &queue, now: now)
            return result
        }
    }

    /// A statement ran into its `statement_timeout`: the server cancels it and answers with the error (nil
    /// when the statement is no longer the one running there).
    mutating func cancelTimedOutStatement(_ ref: BackendRef, _ serial: UInt32) -> StatementResult? {
        let result = withDatabase { database, _, _, now in database.cancelForTimeout(ref, statement: serial, now: now) }
        guard let result else { return nil }
        rescheduleCPU()
        drainDatabase()
        armIdleTimeout(ref)
        return result
    }

    /// Why the server ends the idle backend `ref` now, if its idle (or idle-in-transaction) timeout has run
    /// out since the activity `activity` that armed this check.
    mutating func idleTimeoutDue(_ ref: BackendRef, _ activity: UInt32) -> DatabaseError? {
        withDatabase { database, _, _, now in
            guard let backend = database.backend(ref), backend.activitySerial == activity, backend.serverAlive,
                let timeout = database.idleTimeout(ref), now - backend.lastActivity >= timeout.after.nanoseconds
            else { return nil }
            return timeout.reason
        }
    }

    /// Carries out a fault that only changes the server's settings (authentication, timeouts,
    /// `max_connections`); false for the others, which each world handles itself.
    mutating func applyServerSetting(_ fault: Fault) -> Bool {
        let line = withDatabase { database, _, _, _ in DatabaseScheduler.applyServerSetting(fault, to: &database.config)
        }
        guard let line else { return false }
        note(line)
        switch fault {
        case .idleSessionTimeout, .idleInTransactionTimeout: rearmIdleTimeouts()
        default: break
        }
        return true
    }
}
