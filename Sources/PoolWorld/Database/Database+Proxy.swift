extension Database {
    /// The parameters PgBouncer tracks per client and re-applies whenever it links the client to a server
    /// connection (the server reports them with `ParameterStatus`, so PgBouncer always knows their values).
    static let trackedParameters = [
        "client_encoding", "datestyle", "timezone", "standard_conforming_strings", "application_name",
    ]

    /// A parameter's value as `SHOW` would return it on `ref`.
    func effectiveSetting(_ name: String, on ref: BackendRef) -> String? {
        guard let record = backend(ref) else { return nil }
        return record.session.settings[name] ?? SessionSettings.defaults[name]
    }

    /// Sets a parameter as a pooler's `SET` ahead of a client's query would (PgBouncer sends it in the same
    /// round trip, so the world charges no time for it). A value equal to the default clears the override.
    mutating func applySetting(_ name: String, _ value: String, on ref: BackendRef) {
        guard backend(ref) != nil else { return }
        let index = Int(ref.slot)
        if SessionSettings.defaults[name] == value {
            backends[index].session.settings[name] = nil
        } else {
            backends[index].session.settings[name] = value
        }
    }

    /// Prepares `statement` as `name` on `ref` unless it is there already: PgBouncer's protocol-level
    /// `Parse`, sent ahead of the client's `Bind` when the statement is new to this server connection.
    /// Returns whether it had to prepare.
    mutating func prepareIfMissing(_ name: String, _ statement: SQLStatement, on ref: BackendRef) -> Bool {
        guard let record = backend(ref), record.session.preparedStatements[name] == nil else { return false }
        backends[Int(ref.slot)].session.preparedStatements[name] = statement
        return true
    }

    /// The transaction status the server reports after a statement on `ref`.
    func transactionStatus(_ ref: BackendRef) -> SessionState.TransactionStatus {
        backend(ref)?.session.transaction ?? .idle
    }
}
