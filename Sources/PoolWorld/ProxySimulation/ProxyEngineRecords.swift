import DequeModule

/// What a client sends: a simple query, or the extended protocol's Parse and Bind/Execute of a named
/// statement (psql's `\parse` and `\bind_named`).
enum ClientMessage {
    case query(SQLStatement, text: String)
    case parse(name: String, SQLStatement, text: String)
    case bindExecute(name: String, text: String)

    var text: String {
        switch self {
        case .query(_, let text), .parse(_, _, let text), .bindExecute(_, let text): text
        }
    }
}

/// The simulator's view of one client connection to the proxy.
struct ClientRecord {
    enum State: UInt8 {
        case unused
        case connected
        case closed
    }
    var state = State.unused
    var name = ""
    var database = ""
    var user = ""
    /// Tracked parameters the client asked for (startup packet, or a SET the server reported back).
    var parameters: [String: String] = [:]
    /// Protocol-level prepared statements PgBouncer keeps for the client (transaction and statement mode
    /// with `max_prepared_statements` above zero).
    var prepared: [String: SQLStatement] = [:]
    var server: ServerID?
    /// The message sent and not yet answered; the client sends one at a time.
    var message: ClientMessage?
    var sentAt: Int64 = 0
    var waitingSince: Int64 = -1
    /// The error of a server connection that died under the message, which the client sees first.
    var lostError: DatabaseError?
    var lastResult: StatementResult?
    /// A server's answer on its way through the proxy to the client.
    var relaying: StatementResult?
    var closedWith: DatabaseError?
    var notices: [String] = []
    /// The workload request using this client (-1: none), and the pod it belongs to (-1: a lab client).
    var request: Int32 = -1
    var pod: Int32 = -1
    /// The workload request waiting for this client's login to finish (-1: none).
    var loginFor: Int32 = -1
}

/// The simulator's view of one server connection of the proxy.
struct ServerRecord {
    enum State: UInt8 {
        case unused
        case opening
        case open
        case closed
    }
    enum Running {
        case nothing
        case client(ClientID)
        case proxyQuery(ProxyServerQuery)
    }
    var state = State.unused
    var pool: Int32 = -1
    var backend = BackendRef(slot: -1, generation: 0)
    var client: ClientID?
    var running = Running.nothing
    var statement: SQLStatement?
    var startedAt: Int64 = 0
}

/// One request of a workload: it takes a client connection of its pod, runs its script through the proxy,
/// and gives the connection back.
struct ProxyRequest {
    var number: Int32 = 0
    var script: Int32 = 0
    var step: Int32 = 0
    var pod: Int32 = 0
    var loop: Int32 = -1
    var attempt: Int32 = 1
    var token: UInt32 = 0
    var arrivedAt: Int64 = 0
    var waited: Int64 = 0
    var client: Int32 = -1
    var podWaitSince: Int64 = -1
    /// Sending ROLLBACK before giving back a connection left in a transaction, then ending with `error`.
    var rollingBack = false
    var pendingError: String?
    var pendingTimeout = false
    var live = false
}

/// An application instance in front of the proxy: the client connections it keeps open, the idle ones, and
/// its requests waiting for one (its own small pool, FIFO, no timeout).
struct PodBooks {
    var name: String
    var open = 0
    var free: [Int32] = []
    var waiting = Deque<Int32>()
}
