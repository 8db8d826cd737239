/// What the client gets back for one statement: a value or an error, plus any warnings.
public struct StatementResult: Hashable, Sendable {
    /// The returned value (`1`, `5ms`, `t`) or command tag (`BEGIN`, `SET`), or the error.
    public var outcome: Result<String, DatabaseError>
    /// `WARNING:` lines the server sent along, e.g. `there is already a transaction in progress`.
    public var warnings: [String]

    public init(_ outcome: Result<String, DatabaseError>, warnings: [String] = []) {
        self.outcome = outcome
        self.warnings = warnings
    }

    static func value(_ text: String, warning: String? = nil) -> StatementResult {
        StatementResult(.success(text), warnings: warning.map { ["WARNING: " + $0] } ?? [])
    }

    static func failure(_ error: DatabaseError) -> StatementResult {
        StatementResult(.failure(error))
    }

    /// The error, if the statement failed.
    public var error: DatabaseError? {
        if case .failure(let error) = outcome { return error }
        return nil
    }

    /// One line: the value (with warnings first) or the error text.
    public var summary: String {
        let head = warnings.isEmpty ? "" : warnings.joined(separator: "; ") + "; "
        switch outcome {
        case .success(let value): return head + value
        case .failure(let error): return head + error.description
        }
    }
}
