import Testing

@testable import PoolWorld

/// Runs one statement on the fake server and returns what the client would print.
func exec(_ database: inout Database, _ ref: BackendRef, _ sql: String, at now: Int64 = 0) -> String {
    let statement: SQLStatement
    do {
        statement = try SQLStatement(parsing: sql)
    } catch {
        return error.description
    }
    switch database.start(statement, on: ref, now: now) {
    case .cpu(let serial), .wall(let serial, _):
        return database.finish(ref, statement: serial, now: now)?.summary ?? "no result"
    case .blocked:
        return "blocked"
    case .lost(let error, _):
        return error.description
    }
}

func connected(_ database: inout Database, superuser: Bool = false) throws -> BackendRef {
    try database.connect(now: 0, superuser: superuser).get()
}

@Suite struct DatabaseTests {
    @Test func ordinaryRolesMeetTheReservedSlotsThenEveryoneMeetsTheLimit() throws {
        var config = DatabaseConfig()
        config.maxConnections = 5
        config.superuserReservedConnections = 2
        var database = Database(config: config)
        for _ in 0..<3 { _ = try connected(&database) }
        #expect(
            database.connect(now: 0).failure?.description
                == "FATAL: remaining connection slots are reserved for roles with the SUPERUSER attribute")
        _ = try connected(&database, superuser: true)
        _ = try connected(&database, superuser: true)
        #expect(
            database.connect(now: 0, superuser: true).failure?.description == "FATAL: sorry, too many clients already")
        #expect(database.stats.connections == 5)
        #expect(database.stats.memoryBytes == 5 * 2 * 1_024 * 1_024)
        #expect(database.stats.refusedConnections == 2)
    }

    @Test func reservedConnectionsHaveTheirOwnTextBeforeTheSuperusersSlots() throws {
        // PostgreSQL 16+: max 10, 2 for superusers, 3 for pg_use_reserved_connections: ordinary roles get 5.
        var config = DatabaseConfig()
        config.maxConnections = 10
        config.superuserReservedConnections = 2
        config.reservedConnections = 3
        var database = Database(config: config)
        for _ in 0..<5 { _ = try connected(&database) }
        #expect(
            database.connect(now: 0).failure?.description
                == "FATAL: remaining connection slots are reserved for roles with privileges of the "
                + "\"pg_use_reserved_connections\" role")
        for _ in 0..<3 { _ = try connected(&database, superuser: true) }
        #expect(
            database.connect(now: 0).failure?.description
                == "FATAL: remaining connection slots are reserved for roles with the SUPERUSER attribute")
    }

    @Test func aFullServerRefusesBeforeItAuthenticates() throws {
        var config = DatabaseConfig()
        config.maxConnections = 1
        var database = Database(config: config)
        _ = try connected(&database, superuser: true)
        database.config.authenticationFails = true
        #expect(database.connect(now: 0).failure?.description == "FATAL: sorry, too many clients already")
        database.config.maxConnections = 2
        #expect(
            database.connect(now: 0, superuser: true).failure?.description
                == "FATAL: password authentication failed for user \"postgres\"")
    }

    @Test func preparedStatementsAndTheirErrors() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        #expect(exec(&database, ref, "EXECUTE s1") == "ERROR: prepared statement \"s1\" does not exist")
        #expect(exec(&database, ref, "PREPARE s1 AS SELECT 42") == "PREPARE")
        #expect(exec(&database, ref, "PREPARE s1 AS SELECT 42") == "ERROR: prepared statement \"s1\" already exists")
        #expect(exec(&database, ref, "EXECUTE s1") == "42")
        #expect(exec(&database, ref, "DEALLOCATE s1") == "DEALLOCATE")
        #expect(exec(&database, ref, "DEALLOCATE s1") == "ERROR: prepared statement \"s1\" does not exist")
    }

    @Test func anAbortedTransactionRefusesEverythingUntilItEnds() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        #expect(exec(&database, ref, "BEGIN") == "BEGIN")
        #expect(exec(&database, ref, "SELECT 1/0") == "ERROR: division by zero")
        #expect(
            exec(&database, ref, "SELECT 1")
                == "ERROR: current transaction is aborted, commands ignored until end of transaction block")
        #expect(exec(&database, ref, "COMMIT") == "ROLLBACK")
        #expect(exec(&database, ref, "SELECT 1") == "1")
        #expect(exec(&database, ref, "COMMIT") == "WARNING: there is no transaction in progress; COMMIT")
    }

    @Test func settingsFollowTransactionsButPreparedStatementsDoNot() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        _ = exec(&database, ref, "BEGIN")
        _ = exec(&database, ref, "SET search_path TO app")
        _ = exec(&database, ref, "CREATE TEMP TABLE t (id int)")
        _ = exec(&database, ref, "PREPARE p AS SELECT 1")
        _ = exec(&database, ref, "ROLLBACK")
        #expect(exec(&database, ref, "SHOW search_path") == "\"$user\", public")
        #expect(exec(&database, ref, "SELECT count(*) FROM t") == "ERROR: relation \"t\" does not exist")
        #expect(exec(&database, ref, "EXECUTE p") == "1")
        _ = exec(&database, ref, "BEGIN")
        _ = exec(&database, ref, "SET LOCAL statement_timeout = 5000")
        #expect(exec(&database, ref, "SHOW statement_timeout") == "5s")
        _ = exec(&database, ref, "COMMIT")
        #expect(exec(&database, ref, "SHOW statement_timeout") == "0")
        #expect(exec(&database, ref, "SET nonsense = 1") == "ERROR: unrecognized configuration parameter \"nonsense\"")
        #expect(
            exec(&database, ref, "SET statement_timeout = 'soon'")
                == "ERROR: invalid value for parameter \"statement_timeout\": \"soon\"")
    }

    @Test func tempTablesCountRowsAndDiscardAllForgetsEverything() throws {
        var database = Database(config: DatabaseConfig())
        let ref = try connected(&database)
        _ = exec(&database, ref, "CREATE TEMP TABLE cart (id int)")
        _ = exec(&database, ref, "INSERT INTO cart VALUES (1)")
        _ = exec(&database, ref, "INSERT INTO cart VALUES (2)")
        #expect(exec(&database, ref, "SELECT count(*) FROM cart") == "2")
        _ = exec(&database, ref, "SET application_name = 'shop'")
        _ = exec(&database, ref, "LISTEN orders")
        _ = exec(&database, ref, "SELECT pg_advisory_lock(7)")
        #expect(database.backend(ref)?.session.isClean == false)
        _ = exec(&database, ref, "BEGIN")
        #expect(exec(&database, ref, "DISCARD ALL") == "ERROR: DISCARD ALL cannot run inside a transaction block")
        _ = exec(&database, ref, "ROLLBACK")
        #expect(exec(&database, ref, "DISCARD ALL") == "DISCARD ALL")
        #expect(database.backend(ref)?.session.isClean == true)
        #expect(database.locks.holder(of: 7) == nil)
    }

    @Test func advisoryLocksBlockOtherSessionsUntilReleased() throws {
        var database = Database(config: DatabaseConfig())
        let first = try connected(&database)
        let second = try connected(&database)
        #expect(exec(&database, first, "SELECT pg_advisory_lock(42)") == "")
        #expect(exec(&database, second, "SELECT pg_try_advisory_lock(42)") == "f")
        #expect(exec(&database, second, "SELECT pg_advisory_lock(42)") == "blocked")
        #expect(exec(&database, first, "SELECT pg_advisory_unlock(42)") == "t")
        #expect(database.lockGrants.count == 1 && database.lockGrants[0].backend == second)
        #expect(database.locks.holder(of: 42) == second.slot)
        #expect(
            exec(&database, first, "SELECT pg_advisory_unlock(42)")
                == "WARNING: you don't own a lock of type ExclusiveLock; f")
    }

    @Test func notifyReachesListenersOnlyAfterCommit() throws {
        var database = Database(config: DatabaseConfig())
        let listener = try connected(&database)
        let sender = try connected(&database)
        _ = exec(&database, listener, "LISTEN jobs")
        _ = exec(&database, sender, "BEGIN")
        _ = exec(&database, sender, "NOTIFY jobs, 'build'")
        #expect(database.notifications.isEmpty)
        _ = exec(&database, sender, "COMMIT")
        #expect(database.notifications.map(\.payload) == ["build"])
        #expect(database.notifications.first?.receiver == listener)
    }

    @Test func terminatedAndFirewalledConnectionsFailOnNextUse() throws {
        var config = DatabaseConfig()
        config.firewallIdleLimit = .seconds(60)
        var database = Database(config: config)
        let killed = try connected(&database)
        let quiet = try connected(&database)
        database.terminate(killed, reason: .idleSessionTimeout, now: 1)
        #expect(
            exec(&database, killed, "SELECT 1", at: 2) == "FATAL: terminating connection due to idle-session timeout")
        #expect(database.stats.connections == 1)
        #expect(
            exec(&database, quiet, "SELECT 1", at: 61_000_000_000)
                == "could not receive data from server: Connection timed out")
        // The server never heard of the drop: the backend keeps its slot until TCP keepalive gives up.
        let reapAt = database.disconnect(quiet, now: 61_000_000_000)
        #expect(reapAt == config.orphanedBackendLifetime.nanoseconds)
        #expect(database.stats.connections == 1)
    }
}

extension Result {
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
