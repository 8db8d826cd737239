/// Everything one server connection remembers between statements.
///
/// This is what a pooler must reset and what leaks between clients when it does not: settings changed with
/// SET, prepared statements, temporary tables, LISTEN registrations, session advisory locks, and an open
/// (or aborted) transaction. `DISCARD ALL` returns it to `SessionState()`.
public struct SessionState: Hashable, Sendable {
    /// PostgreSQL's transaction status, as the protocol reports it after each statement.
    public enum TransactionStatus: String, Hashable, Sendable {
        /// Not in a transaction block (`I`).
        case idle
        /// In a transaction block (`T`).
        case inTransaction = "in transaction"
        /// In a failed transaction block: only COMMIT or ROLLBACK are accepted (`E`).
        case failed = "in failed transaction"
    }

    /// The transaction status.
    public internal(set) var transaction = TransactionStatus.idle
    /// Parameters set away from the server's defaults, by lower-case name.
    public internal(set) var settings: [String: String] = [:]
    /// SQL-level prepared statements, by name.
    public internal(set) var preparedStatements: [String: SQLStatement] = [:]
    /// Temporary tables and their row counts, by name.
    public internal(set) var tempTables: [String: Int] = [:]
    /// Channels this session LISTENs on.
    public internal(set) var listening: Set<String> = []
    /// Session-level advisory locks held, with how many times each was taken.
    public internal(set) var advisoryLocks: [Int64: Int] = [:]
    /// Open cursors, by name.
    public internal(set) var cursors: [String: SessionCursor] {
        get { extras?.cursors ?? [:] }
        set { withExtras { $0.cursors = newValue } }
    }
    /// Libraries loaded with `LOAD`. PostgreSQL cannot unload a library, so they stay for the backend's life,
    /// even through `DISCARD ALL`.
    public internal(set) var loadedLibraries: Set<String> {
        get { extras?.loadedLibraries ?? [] }
        set { withExtras { $0.loadedLibraries = newValue } }
    }

    /// State at BEGIN that ROLLBACK restores (settings and temp tables are transactional in PostgreSQL;
    /// prepared statements and session advisory locks are not).
    var settingsAtBegin: [String: String] = [:]
    var tempTablesAtBegin: [String: Int] = [:]
    /// Cursors, ON COMMIT actions and loaded libraries; nil until a session uses one of them.
    var extras: SessionExtras?
    /// Values to restore when the transaction ends, for SET LOCAL.
    var localRestore: [String: String?] = [:]
    /// LISTEN/UNLISTEN and NOTIFY take effect at COMMIT.
    var pendingListens: [(channel: String?, listen: Bool)] = []
    var pendingNotifies: [(channel: String, payload: String)] = []

    public init() {}

    /// Whether the session is as a fresh connection's: nothing for the next client to trip over.
    public var isClean: Bool {
        transaction == .idle && settings.isEmpty && preparedStatements.isEmpty && tempTables.isEmpty
            && listening.isEmpty && advisoryLocks.isEmpty && cursors.isEmpty && loadedLibraries.isEmpty
    }

    /// One line describing what a next client would inherit, e.g.
    /// `SET statement_timeout=5ms; PREPARE s1; TEMP TABLE t; LISTEN jobs; advisory lock 42; in transaction`.
    public var summary: String {
        var parts: [String] = []
        parts += settings.keys.sorted().map { "SET \($0)=\(settings[$0] ?? "")" }
        parts += preparedStatements.keys.sorted().map { "PREPARE \($0)" }
        parts += tempTables.keys.sorted().map { "TEMP TABLE \($0)" }
        parts += listening.sorted().map { "LISTEN \($0)" }
        parts += advisoryLocks.keys.sorted().map { "advisory lock \($0)" }
        parts += cursors.keys.sorted().map { "CURSOR \($0)\(cursors[$0]?.hold == true ? " WITH HOLD" : "")" }
        parts += loadedLibraries.sorted().map { "LOAD \($0)" }
        if transaction != .idle { parts.append(transaction.rawValue) }
        return parts.isEmpty ? "clean" : parts.joined(separator: "; ")
    }

    public static func == (lhs: SessionState, rhs: SessionState) -> Bool {
        lhs.transaction == rhs.transaction && lhs.settings == rhs.settings
            && lhs.preparedStatements == rhs.preparedStatements && lhs.tempTables == rhs.tempTables
            && lhs.listening == rhs.listening && lhs.advisoryLocks == rhs.advisoryLocks && lhs.cursors == rhs.cursors
            && lhs.loadedLibraries == rhs.loadedLibraries
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(transaction)
        hasher.combine(settings)
        hasher.combine(preparedStatements)
        hasher.combine(tempTables)
    }

    mutating func beginTransaction() {
        transaction = .inTransaction
        settingsAtBegin = settings
        tempTablesAtBegin = tempTables
        if var parts = extras {
            parts.tempTableOnCommitAtBegin = parts.tempTableOnCommit
            parts.cursorsAtBegin = parts.cursors
            extras = parts
        }
        localRestore = [:]
        pendingListens = []
        pendingNotifies = []
    }

    /// Ends the block; returns the NOTIFYs to deliver (only when committing a healthy block).
    mutating func endTransaction(commit: Bool) -> [(channel: String, payload: String)] {
        var delivered: [(channel: String, payload: String)] = []
        if commit {
            for (name, previous) in localRestore {
                settings[name] = previous
            }
            for change in pendingListens {
                applyListen(change.channel, listen: change.listen)
            }
            delivered = pendingNotifies
            applyOnCommit()
            if let open = extras?.cursors, !open.isEmpty { extras?.cursors = open.filter(\.value.hold) }
        } else {
            settings = settingsAtBegin
            tempTables = tempTablesAtBegin
            if var parts = extras {
                parts.tempTableOnCommit = parts.tempTableOnCommitAtBegin
                parts.cursors = parts.cursorsAtBegin
                extras = parts
            }
        }
        transaction = .idle
        localRestore = [:]
        pendingListens = []
        pendingNotifies = []
        return delivered
    }

    /// What a commit does to temp tables: empties `DELETE ROWS` ones, drops `DROP` ones. Statements outside a
    /// transaction block commit on their own, so they call this too.
    mutating func applyOnCommit() {
        guard let actions = extras?.tempTableOnCommit, !actions.isEmpty else { return }
        for (name, action) in actions {
            switch action {
            case .preserveRows: break
            case .deleteRows: tempTables[name] = tempTables[name].map { _ in 0 }
            case .drop:
                tempTables[name] = nil
                extras?.tempTableOnCommit[name] = nil
            }
        }
    }

    /// Changes the rarer parts, creating them on first use.
    mutating func withExtras(_ change: (inout SessionExtras) -> Void) {
        var parts = extras ?? SessionExtras()
        extras = nil
        change(&parts)
        extras = parts
    }

    mutating func applyListen(_ channel: String?, listen: Bool) {
        if listen, let channel {
            listening.insert(channel)
        } else if let channel {
            listening.remove(channel)
        } else {
            listening.removeAll()
        }
    }
}

/// The parts of a session few sessions use: cursors, ON COMMIT actions and loaded libraries. Kept apart (and
/// optional) so that an ordinary session copies no more per statement than it did before they existed.
struct SessionExtras: Hashable, Sendable {
    var cursors: [String: SessionCursor] = [:]
    /// Cursors open at BEGIN (only `WITH HOLD` ones can be), which ROLLBACK restores.
    var cursorsAtBegin: [String: SessionCursor] = [:]
    /// What COMMIT does to each temp table declared `ON COMMIT DELETE ROWS` or `DROP` (the rest keep their rows).
    var tempTableOnCommit: [String: SQLStatement.OnCommit] = [:]
    var tempTableOnCommitAtBegin: [String: SQLStatement.OnCommit] = [:]
    var loadedLibraries: Set<String> = []
}
