/// Sizes, in bytes, of the PostgreSQL protocol messages a client and the proxy exchange, for the
/// `total_received` and `total_sent` columns of `SHOW STATS`.
///
/// Every message is a type byte and a 4-byte length, then its body. A simple query is `Q` with the text and a
/// terminating zero; a result is a row description and a data row (for statements that return a value),
/// a command tag, and `ReadyForQuery`; an error is an `ErrorResponse` with severity, code and message fields.
enum ProtocolSize {
    static let header = 5

    /// What the client sends for a message.
    static func request(_ message: ClientMessage) -> Int {
        switch message {
        case .query(_, let text):
            return header + text.utf8.count + 1
        case .parse(let name, let statement, _):
            // Parse (name, query, no parameter types) and Sync.
            return header + name.utf8.count + 1 + statement.description.utf8.count + 1 + 2 + header
        case .bindExecute(let name, _):
            // Bind (portal, statement, no formats or parameters), Execute (portal, no row limit), Sync.
            return header + 1 + name.utf8.count + 1 + 6 + header + 1 + 4 + header
        }
    }

    /// What goes back to the client for `statement`'s `result`.
    static func response(_ result: StatementResult, to statement: SQLStatement) -> Int {
        let ready = header + 1
        let warnings = result.warnings.reduce(0) { $0 + notice($1) }
        switch result.outcome {
        case .failure(let error):
            return warnings + header + (2 + error.severity.rawValue.utf8.count) + (2 + error.sqlState.utf8.count)
                + (2 + error.message.utf8.count) + 1 + ready
        case .success(let value):
            guard returnsRow(statement) else { return warnings + commandComplete(value) + ready }
            // RowDescription with one column named "?column?", one DataRow, then "SELECT 1".
            let description = header + 2 + 9 + 18
            let row = header + 2 + 4 + value.utf8.count
            return warnings + description + row + commandComplete("SELECT 1") + ready
        }
    }

    private static func commandComplete(_ tag: String) -> Int { header + tag.utf8.count + 1 }

    private static func notice(_ text: String) -> Int { header + 2 + 7 + 2 + 5 + 2 + text.utf8.count + 1 + 1 }

    private static func returnsRow(_ statement: SQLStatement) -> Bool {
        switch statement {
        case .selectValue, .work, .sleep, .divisionByZero, .show, .selectFrom, .advisoryLock, .tryAdvisoryLock,
            .advisoryUnlock, .generateSeries, .fetch, .execute:
            return true
        default:
            return false
        }
    }
}
