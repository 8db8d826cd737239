import PoolWorld

/// The multiplexer's settings, named as PgBouncer's `pgbouncer.ini` and the world's `ProxyConfig` name them.
///
/// The multiplexer speaks the world's PgBouncer terms: `PoolMode` (`pool_mode`), `ClientID` and `ServerID`
/// are the types the course's own PgBouncer (`Proxy`) uses, so the exercise and the lab agree.
public struct MultiplexerConfig: Hashable, Sendable {
    /// When a server goes back to the pool (`pool_mode`).
    public var poolMode: PoolMode
    /// Server connections at most (`default_pool_size`).
    public var defaultPoolSize: Int
    /// Run on a server before it goes to another client in session mode (`server_reset_query`).
    public var serverResetQuery = SQLStatement.discardAll
    /// Also reset in transaction and statement mode (`server_reset_query_always`, off by default).
    public var serverResetQueryAlways = false

    public init(poolMode: PoolMode, defaultPoolSize: Int) {
        self.poolMode = poolMode
        self.defaultPoolSize = defaultPoolSize
    }
}

/// What happens to a multiplexer: the input of its state machine.
public enum MultiplexerEvent: Hashable, Sendable {
    /// A client sends one statement and waits for its answer (clients are created by their first statement).
    case clientSent(ClientID, SQLStatement)
    /// A client hangs up.
    case clientDisconnected(ClientID)
    /// A server connection the multiplexer asked for is open (servers are named s1, s2, … in order).
    case serverOpened(ServerID)
    /// A server answered the statement sent to it, and reports its transaction status (as PostgreSQL's
    /// ReadyForQuery does: idle, in transaction, or in a failed transaction).
    case serverReplied(ServerID, StatementResult, SessionState.TransactionStatus)
}

/// What a multiplexer wants done: the output of its state machine.
public enum MultiplexerAction: Hashable, Sendable {
    /// Open a new server connection.
    case openServer
    /// Send a client's statement to a server.
    case forward(SQLStatement, from: ClientID, to: ServerID)
    /// Run `serverResetQuery` on a server that no client uses.
    case reset(ServerID)
    /// Answer a client's statement with the server's result.
    case reply(ClientID, StatementResult)
    /// Close a client connection with an error.
    case closeClient(ClientID, DatabaseError)
    /// Close a server connection.
    case closeServer(ServerID)
}

/// Exercise 8: a tiny PgBouncer, as a sans-I/O state machine.
public protocol MultiplexerExercise: SendableMetatype {
    init(config: MultiplexerConfig)
    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction])
}

extension DatabaseError {
    /// PgBouncer's answer to BEGIN in statement mode (SQLSTATE 08P01); it closes the client and the server.
    /// The same error the world's PgBouncer (`Proxy`) sends, so the exercise and the lab agree to the letter.
    public static let transactionBlocksNotAllowed = DatabaseError.transactionBlocksInStatementMode
}
