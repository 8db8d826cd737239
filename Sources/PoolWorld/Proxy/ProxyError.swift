/// PgBouncer's own errors, as a client receives them: `FATAL` with SQLSTATE 08P01, the code PgBouncer sends
/// when it closes a client, and PgBouncer's exact texts.
extension DatabaseError {
    /// The client would exceed `max_client_conn`.
    public static let maxClientConn = DatabaseError(.fatal, "08P01", "no more connections allowed (max_client_conn)")
    /// The client waited `query_wait_timeout` for a server connection.
    public static let queryWaitTimeout = DatabaseError(.fatal, "08P01", "query_wait_timeout")
    /// A statement left a transaction open in statement mode; the server connection is closed too.
    public static let transactionBlocksInStatementMode = DatabaseError(
        .fatal, "08P01", "transaction blocks not allowed in statement pooling mode")
    /// The client sat idle in a transaction for `idle_transaction_timeout`.
    public static let idleTransactionTimeout = DatabaseError(.fatal, "08P01", "idle transaction timeout")
    /// The server connection linked to the client died under it.
    public static let serverConnectionCrashed = DatabaseError(.fatal, "08P01", "server conn crashed?")

    /// The client asked for a database the `[databases]` section does not list.
    public static func noSuchDatabase(_ name: String) -> DatabaseError {
        DatabaseError(.fatal, "08P01", "no such database: \(name)")
    }

    /// Logins to the server failed lately and no server connection is left: fail fast instead of queueing.
    public static func serverLoginFailing(_ cached: String) -> DatabaseError {
        DatabaseError(.fatal, "08P01", "server login has been failing, cached error: \(cached) (server_login_retry)")
    }
}

/// The NOTICE a queued client gets after `query_wait_notify`, word for word.
public let proxyQueuedNotice = "No server connection available in postgres backend, client being queued"
