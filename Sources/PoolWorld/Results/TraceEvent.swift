/// One thing that happened in the world, able to describe itself in one short line.
///
/// Traces are off unless a run asks for them (they cost a string per event); the lab always records them.
/// `description` gives e.g. `t=0.018s c3 opened (tcp 1ms, tls 6.3ms, auth 9ms, backend 1.7ms)`.
public struct TraceEvent: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: Hashable, Sendable {
        case arrived(request: String, script: String)
        case borrowRequested(request: String, pool: String)
        case waiting(request: String, position: Int)
        case lent(request: String, connection: String, waited: SimDuration)
        case opening(connection: String, pool: String, setup: ConnectionSetup)
        case opened(connection: String, setup: ConnectionSetup)
        case openFailed(connection: String, error: DatabaseError)
        case closed(connection: String, reason: CloseReason)
        case lost(connection: String, error: DatabaseError)
        case returned(request: String, connection: String, heldFor: SimDuration)
        case statement(request: String, connection: String, sql: String, result: String, took: SimDuration)
        case validated(connection: String, error: DatabaseError?)
        case failed(request: String, error: String, timedOut: Bool)
        case completed(request: String, latency: SimDuration)
        case retrying(request: String, attempt: Int, after: SimDuration)
        case leakReported(connection: String, borrower: String, heldFor: SimDuration)
        case unleaked(connection: String, heldFor: SimDuration)
        case leaked(request: String, connection: String)
        case serverEnded(connection: String, error: DatabaseError)
        case notification(connection: String, channel: String, payload: String, senderPID: Int32)
        case fault(String)
        case violation(String)
        // The proxy's world: clients of the proxy, its server connections, its log.
        case clientConnected(client: String, database: String, user: String)
        case clientRefused(client: String, error: DatabaseError)
        case clientQueued(client: String, position: Int)
        case clientNotice(client: String, text: String)
        /// The server's own error, passed on to the client linked to it (PgBouncer forwards it before closing).
        case clientForwarded(client: String, server: String, error: DatabaseError)
        case clientClosed(client: String, error: DatabaseError)
        case clientDisconnected(client: String)
        case serverReleased(server: String, client: String, reason: String)
        case serverQuery(server: String, sql: String, result: String, took: SimDuration)
        case serverClosed(server: String, reason: String)
        case clientNotified(client: String?, server: String, channel: String, payload: String, senderPID: Int32)
        case proxyLog(String)
    }

    public var time: SimInstant
    public var kind: Kind

    public init(time: SimInstant, kind: Kind) {
        self.time = time
        self.kind = kind
    }

    public var description: String { "\(time) \(message)" }

    /// The line without its time stamp.
    public var message: String {
        switch kind {
        case .arrived(let request, let script):
            return "\(request) arrives (\(script))"
        case .borrowRequested(let request, let pool):
            return "\(request) asks \(pool) for a connection"
        case .waiting(let request, let position):
            return "\(request) waits (position \(position))"
        case .lent(let request, let connection, let waited):
            return waited > .zero ? "\(request) got \(connection) (waited \(waited))" : "\(request) got \(connection)"
        case .opening(let connection, let pool, let setup):
            return "\(pool) opens \(connection) (setup \(setup.total))"
        case .opened(let connection, let setup):
            return "\(connection) opened (\(setup))"
        case .openFailed(let connection, let error):
            return "\(connection) failed to open: \(error)"
        case .closed(let connection, let reason):
            return "\(connection) closed (\(reason))"
        case .lost(let connection, let error):
            return "\(connection) is dead: \(error)"
        case .returned(let request, let connection, let heldFor):
            return "\(request) returned \(connection) after \(heldFor)"
        case .statement(let request, let connection, let sql, let result, let took):
            return "\(request) on \(connection): \(sql) → \(result.isEmpty ? "ok" : result) (\(took))"
        case .validated(let connection, let error):
            return error.map { "\(connection) failed validation: \($0)" } ?? "\(connection) passed validation"
        case .failed(let request, let error, let timedOut):
            return timedOut ? "\(request) timed out: \(error)" : "\(request) failed: \(error)"
        case .completed(let request, let latency):
            return "\(request) done in \(latency)"
        case .retrying(let request, let attempt, let after):
            return "\(request) retries (attempt \(attempt)) after \(after)"
        case .leakReported(let connection, let borrower, let heldFor):
            return "possible leak: \(connection) held by \(borrower) for \(heldFor) (not reclaimed)"
        case .unleaked(let connection, let heldFor):
            return "previously reported leaked \(connection) was returned after \(heldFor)"
        case .leaked(let request, let connection):
            return "\(request) leaked \(connection): it will never be returned"
        case .serverEnded(let connection, let error):
            return "server ended \(connection): \(error)"
        case .notification(let connection, let channel, let payload, let senderPID):
            return "\(connection) got NOTIFY \(channel) '\(payload)' from pid \(senderPID)"
        case .fault(let text):
            return "fault: \(text)"
        case .violation(let text):
            return "INVARIANT VIOLATED: \(text)"
        case .clientConnected(let client, let database, let user):
            return "\(client) connects to pgbouncer (database \(database), user \(user))"
        case .clientRefused(let client, let error):
            return "pgbouncer refuses \(client): \(error)"
        case .clientQueued(let client, let position):
            return "\(client) waits for a server connection (position \(position))"
        case .clientNotice(let client, let text):
            return "\(client) gets NOTICE: \(text)"
        case .clientForwarded(let client, let server, let error):
            return "\(client) gets \(error) (forwarded from \(server))"
        case .clientClosed(let client, let error):
            return "pgbouncer closes \(client): \(error)"
        case .clientDisconnected(let client):
            return "\(client) disconnects"
        case .serverReleased(let server, let client, let reason):
            return "\(server) back to the pool from \(client) (\(reason))"
        case .serverQuery(let server, let sql, let result, let took):
            return "pgbouncer runs \(sql) on \(server) → \(result.isEmpty ? "ok" : result) (\(took))"
        case .serverClosed(let server, let reason):
            return "\(server) closed (\(reason))"
        case .clientNotified(let client, let server, let channel, let payload, let senderPID):
            guard let client else {
                return
                    "NOTIFY \(channel) '\(payload)' from pid \(senderPID) reaches \(server), idle in the pool: nobody hears it"
            }
            return "\(client) gets NOTIFY \(channel) '\(payload)' from pid \(senderPID) (via \(server))"
        case .proxyLog(let text):
            return "pgbouncer: \(text)"
        }
    }
}
