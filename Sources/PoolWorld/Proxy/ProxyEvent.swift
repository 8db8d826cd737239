/// Something the proxy must react to: the input of the proxy's state machine.
///
/// The proxy never reads a socket. It hears that a client connected, sent a query or left, that a server
/// connection opened, answered or died, and that a timer fired; it answers with `ProxyAction`s. It never
/// parses SQL either: like PgBouncer, it learns whether a transaction is open from the transaction status the
/// server reports with every answer.
public enum ProxyEvent: Hashable, Sendable {
    /// Start the janitor and the statistics period.
    case start
    /// A client logs in to `database` as `user`.
    case clientConnected(ClientID, database: String, user: String)
    /// A client sent a query (of `bytes` bytes on the wire) and needs a server connection for it.
    case clientQuery(ClientID, bytes: Int)
    /// A client closed its connection.
    case clientDisconnected(ClientID)
    /// A server connection the proxy asked for finished logging in.
    case serverOpened(ServerID)
    /// A server connection could not log in.
    indirect case serverOpenFailed(ServerID, DatabaseError)
    /// A server connection answered a client's query (`bytes` sent back) and reports `status`.
    case serverAnswered(ServerID, status: SessionState.TransactionStatus, bytes: Int)
    /// A reset or check query the proxy asked for finished.
    case serverQueryDone(ServerID, succeeded: Bool)
    /// A server connection died (the server ended it, or it broke).
    indirect case serverLost(ServerID, DatabaseError)
    /// A timer the proxy scheduled fired.
    case timerFired(ProxyTimer)
}
