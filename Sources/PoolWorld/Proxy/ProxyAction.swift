/// What the proxy wants done: the output of the proxy's state machine, carried out by the simulator in order.
public enum ProxyAction: Hashable, Sendable {
    /// Let the client in.
    case accept(ClientID)
    /// Refuse the login with this error; the client never counted as connected.
    indirect case refuse(ClientID, DatabaseError)
    /// The client waits for a server connection (`cl_waiting`); `position` 1 is the head of the line.
    case enqueue(ClientID, position: Int)
    /// Link the server connection to the client and send it the client's query.
    case assign(ServerID, to: ClientID)
    /// Send the client's query to the server connection it is already linked to.
    case forward(ClientID, ServerID)
    /// Unlink a server connection from its client.
    case release(ServerID, from: ClientID, ProxyReleaseReason)
    /// Send the client a NOTICE.
    case notice(ClientID, String)
    /// Close the client's connection with this FATAL error.
    indirect case closeClient(ClientID, DatabaseError)
    /// Log in a new server connection for pool `pool`; answer with `serverOpened` or `serverOpenFailed`.
    case openServer(ServerID, pool: Int32)
    /// Close a server connection (PgBouncer's reason, as its log says it).
    case closeServer(ServerID, reason: String)
    /// Run `server_reset_query` or `server_check_query` on an unlinked server connection; answer with
    /// `serverQueryDone`.
    case runServerQuery(ServerID, ProxyServerQuery)
    /// Deliver `timerFired` at this instant.
    case scheduleTimer(ProxyTimer, at: SimInstant)
    /// Forget a scheduled timer.
    case cancelTimer(ProxyTimer)
    /// A line of PgBouncer's log, e.g. `taking connection from reserve_pool`.
    case log(String)
}

/// Why a server connection went back to the pool.
public enum ProxyReleaseReason: String, Hashable, Sendable, CustomStringConvertible {
    /// Transaction mode: the transaction (or autocommit statement) ended.
    case transactionEnd = "transaction end"
    /// Statement mode: the statement ended.
    case statementEnd = "statement end"
    /// The client disconnected (the only release in session mode).
    case clientDisconnect = "client disconnect"

    public var description: String { rawValue }
}

/// A query the proxy itself runs on a server connection.
public enum ProxyServerQuery: Hashable, Sendable, CustomStringConvertible {
    /// `server_reset_query`, on release.
    case reset(String)
    /// `server_check_query` before reusing a connection idle longer than `server_check_delay`; `<empty>` sends
    /// an empty query.
    case check(String)

    /// The query text.
    public var sql: String {
        switch self {
        case .reset(let sql), .check(let sql): sql
        }
    }

    public var description: String {
        switch self {
        case .reset(let sql): "reset: \(sql)"
        case .check(let sql): "check: \(sql)"
        }
    }
}
