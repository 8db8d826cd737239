/// One server process and the client connection attached to it.
///
/// The server side and the client side can end separately: `idle_session_timeout` ends the server side while
/// the client still holds a socket it believes is open; a firewall drop ends the client side while the
/// server keeps the backend (and its slot) until TCP keepalive notices. The record is reused only when both
/// sides are gone.
struct Backend {
    /// A statement the server is working on.
    struct Running {
        enum Phase {
            /// Using CPU, in the processor-sharing scheduler.
            case cpu
            /// Sleeping (`pg_sleep`); completes at a fixed time.
            case wall
            /// Waiting for an advisory lock held by another backend.
            case lock(Int64)
        }
        var serial: UInt32
        var statement: SQLStatement
        var startedAt: Int64
        var phase: Phase
        var result: StatementResult
    }

    var generation: UInt32 = 0
    var pid: Int32 = 0
    var serverAlive = false
    var clientAttached = false
    var superuser = false
    var session = SessionState()
    var openedAt: Int64 = 0
    /// When traffic last crossed the connection; idle timeouts and the firewall count from here.
    var lastActivity: Int64 = 0
    /// Bumped by every statement, so a pending idle-timeout check can tell whether the backend stayed idle.
    var activitySerial: UInt32 = 0
    var nextStatementSerial: UInt32 = 0
    var running: Running?
    /// Why the server ended this backend; the client learns it on its next use.
    var termination: DatabaseError?
    /// The firewall forgot this connection: the client's next use times out.
    var droppedByFirewall = false
}

/// A handle on a backend that goes stale when the backend record is reused.
public struct BackendRef: Hashable, Sendable {
    var slot: Int32
    var generation: UInt32
}
