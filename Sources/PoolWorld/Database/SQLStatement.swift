/// The small SQL dialect the fake server understands.
///
/// Enough to show every session-state pitfall a pooler has (SET, PREPARE, temp tables, LISTEN, advisory
/// locks, transactions), plus statements that cost CPU (`SELECT work(5ms)`) or wall time
/// (`SELECT pg_sleep(0.5)`). Parse text with `SQLStatement(parsing:)`.
public enum SQLStatement: Hashable, Sendable {
    /// `SELECT 1`, `SELECT 'text'`: returns the value at the cost of a trivial statement.
    case selectValue(String)
    /// `SELECT work(5ms)`: a query that needs this much CPU time on one core.
    case work(SimDuration)
    /// `SELECT pg_sleep(0.5)`: holds the connection for this long without using CPU (seconds, as PostgreSQL).
    case sleep(SimDuration)
    /// `SELECT 1/0`: fails with `division by zero`, for aborting a transaction on purpose.
    case divisionByZero
    /// `BEGIN` or `START TRANSACTION`.
    case begin
    /// `COMMIT` or `END`.
    case commit
    /// `ROLLBACK` or `ABORT`.
    case rollback
    /// `SET [LOCAL] name = value` or `SET name TO value`.
    case set(name: String, value: String, local: Bool)
    /// `RESET name`, or `RESET ALL` when the name is nil.
    case reset(name: String?)
    /// `SHOW name`.
    case show(name: String)
    /// `PREPARE name AS statement`.
    indirect case prepare(name: String, statement: SQLStatement)
    /// `EXECUTE name`.
    case execute(name: String)
    /// `DEALLOCATE name`, or `DEALLOCATE ALL` when the name is nil.
    case deallocate(name: String?)
    /// `CREATE TEMP TABLE name (...)`: rows are kept at commit (PostgreSQL's default, `ON COMMIT PRESERVE ROWS`).
    case createTempTable(name: String)
    /// `CREATE TEMP TABLE name (...) ON COMMIT PRESERVE ROWS | DELETE ROWS | DROP`.
    case createTempTableOnCommit(name: String, onCommit: OnCommit)
    /// `INSERT INTO name VALUES (...)`: adds one row.
    case insert(table: String)
    /// `SELECT * FROM name` or `SELECT count(*) FROM name`: returns the number of rows.
    case selectFrom(table: String)
    /// `LISTEN channel`.
    case listen(channel: String)
    /// `UNLISTEN channel`, or `UNLISTEN *` when the channel is nil.
    case unlisten(channel: String?)
    /// `NOTIFY channel[, 'payload']`.
    case notify(channel: String, payload: String)
    /// `SELECT pg_advisory_lock(key)`: waits until the session holds the lock.
    case advisoryLock(key: Int64)
    /// `SELECT pg_try_advisory_lock(key)`: takes the lock if free, returns true or false at once.
    case tryAdvisoryLock(key: Int64)
    /// `SELECT pg_advisory_unlock(key)`.
    case advisoryUnlock(key: Int64)
    /// `DISCARD ALL`: resets the session to a fresh connection's state.
    case discardAll
    /// `DISCARD PLANS`: drops the session's cached query plans; they are rebuilt on next use, so nothing a
    /// client can see changes.
    case discardPlans
    /// `SELECT generate_series(from, to)`: one row per integer.
    case generateSeries(from: Int, to: Int)
    /// `DECLARE name CURSOR [WITH HOLD | WITHOUT HOLD] FOR query`.
    indirect case declareCursor(name: String, hold: Bool, query: SQLStatement)
    /// `FETCH [count | NEXT | ALL] [FROM | IN] name`; `count` nil means ALL.
    case fetch(cursor: String, count: Int?)
    /// `CLOSE name`, or `CLOSE ALL` when the name is nil.
    case closeCursor(name: String?)
    /// `LOAD 'library'`: loads a shared library into this backend only, for the rest of its life.
    case load(library: String)

    /// What COMMIT does to a temporary table.
    public enum OnCommit: String, Hashable, Sendable {
        /// Keep the table and its rows (the default).
        case preserveRows = "PRESERVE ROWS"
        /// Keep the table, empty it.
        case deleteRows = "DELETE ROWS"
        /// Drop the table.
        case drop = "DROP"
    }

    /// Whether the statement is allowed in an aborted transaction block (only the ones that end it).
    var endsTransaction: Bool {
        switch self {
        case .commit, .rollback: true
        default: false
        }
    }
}

extension SQLStatement: CustomStringConvertible {
    /// The statement as SQL, in a canonical spelling.
    public var description: String {
        switch self {
        case .selectValue(let value): "SELECT \(value)"
        case .work(let cost): "SELECT work(\(cost))"
        case .sleep(let duration): "SELECT pg_sleep(\(DurationFormat.number(duration.seconds, decimals: 6)))"
        case .divisionByZero: "SELECT 1/0"
        case .begin: "BEGIN"
        case .commit: "COMMIT"
        case .rollback: "ROLLBACK"
        case .set(let name, let value, let local): "SET \(local ? "LOCAL " : "")\(name) = \(value)"
        case .reset(let name): "RESET \(name ?? "ALL")"
        case .show(let name): "SHOW \(name)"
        case .prepare(let name, let statement): "PREPARE \(name) AS \(statement)"
        case .execute(let name): "EXECUTE \(name)"
        case .deallocate(let name): "DEALLOCATE \(name ?? "ALL")"
        case .createTempTable(let name): "CREATE TEMP TABLE \(name) (id int)"
        case .createTempTableOnCommit(let name, let onCommit):
            "CREATE TEMP TABLE \(name) (id int) ON COMMIT \(onCommit.rawValue)"
        case .insert(let table): "INSERT INTO \(table) VALUES (1)"
        case .selectFrom(let table): "SELECT count(*) FROM \(table)"
        case .listen(let channel): "LISTEN \(channel)"
        case .unlisten(let channel): "UNLISTEN \(channel ?? "*")"
        case .notify(let channel, let payload):
            payload.isEmpty ? "NOTIFY \(channel)" : "NOTIFY \(channel), '\(payload)'"
        case .advisoryLock(let key): "SELECT pg_advisory_lock(\(key))"
        case .tryAdvisoryLock(let key): "SELECT pg_try_advisory_lock(\(key))"
        case .advisoryUnlock(let key): "SELECT pg_advisory_unlock(\(key))"
        case .discardAll: "DISCARD ALL"
        case .discardPlans: "DISCARD PLANS"
        case .generateSeries(let from, let to): "SELECT generate_series(\(from), \(to))"
        case .declareCursor(let name, let hold, let query):
            "DECLARE \(name) CURSOR \(hold ? "WITH HOLD" : "WITHOUT HOLD") FOR \(query)"
        case .fetch(let cursor, let count): "FETCH \(count.map(String.init) ?? "ALL") FROM \(cursor)"
        case .closeCursor(let name): "CLOSE \(name ?? "ALL")"
        case .load(let library): "LOAD '\(library)'"
        }
    }
}
