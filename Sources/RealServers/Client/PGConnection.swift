import CLibPQ

#if canImport(Glibc)
    import Glibc
#endif

/// One libpq connection to the private PostgreSQL or PgBouncer: blocking, used by one thread at a time.
///
/// Kept to what the real-server lab needs (simple queries, protocol-level prepared statements, notifications);
/// every call is bounded by the connection's `connect_timeout` and the servers' own `statement_timeout`-free
/// short statements the lab sends.
public final class PGConnection: @unchecked Sendable {
    // @unchecked: libpq's PGconn is safe to move between threads, not to share; each lab client owns one.
    private var handle: OpaquePointer?
    /// Notices (WARNING, NOTICE) the server sent, kept here instead of libpq's default: printed on stderr.
    private let notices = NoticeBox()

    /// Opens a connection; throws the server's or libpq's message (`FATAL: sorry, too many clients already`).
    public init(_ info: ConnectionInfo) throws(PGError) {
        let connection = PQconnectdb(info.conninfo)
        guard let connection, PQstatus(connection) == CONNECTION_OK else {
            let message = connection.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            if let connection { PQfinish(connection) }
            throw PGError(connectionMessage: message)
        }
        handle = connection
        PQsetNoticeProcessor(
            connection,
            { box, message in
                guard let box, let message else { return }
                Unmanaged<NoticeBox>.fromOpaque(box).takeUnretainedValue().lines.append(String(cString: message))
            }, Unmanaged.passUnretained(notices).toOpaque())
    }

    /// The notices since the last call, one line each: `WARNING: there is no transaction in progress`.
    public func takeNotices() -> [String] {
        defer { notices.lines = [] }
        return notices.lines.map { PGError(connectionMessage: $0).description }
    }

    deinit { close() }

    /// Sends the goodbye (Terminate) and closes the socket; later calls throw.
    public func close() {
        if let handle { PQfinish(handle) }
        handle = nil
    }

    /// Whether the connection is still usable (a FATAL error closes it).
    public var isOpen: Bool {
        guard let handle else { return false }
        return PQstatus(handle) == CONNECTION_OK
    }

    /// Whether the connection runs over TLS.
    public var usesTLS: Bool { handle.map { PQsslInUse($0) == 1 } ?? false }

    /// A parameter the server reported at login, e.g. `server_version`.
    public func parameter(_ name: String) -> String? {
        guard let handle, let value = PQparameterStatus(handle, name) else { return nil }
        return String(cString: value)
    }

    /// Runs one simple-protocol statement (or several separated by `;`) and returns the last result.
    public func execute(_ sql: String) throws(PGError) -> PGReply {
        let handle = try open()
        return try reply(PQexec(handle, sql), handle)
    }

    /// Parse (PQprepare): a protocol-level prepared statement, named `name`.
    public func prepare(_ name: String, _ sql: String) throws(PGError) -> PGReply {
        let handle = try open()
        return try reply(PQprepare(handle, name, sql, 0, nil), handle)
    }

    /// Bind and Execute (PQexecPrepared) of a statement prepared with `prepare`.
    public func executePrepared(_ name: String) throws(PGError) -> PGReply {
        let handle = try open()
        return try reply(PQexecPrepared(handle, name, 0, nil, nil, nil, 0), handle)
    }

    /// Waits until the server sends something (a notification) or `milliseconds` pass; true if it did.
    public func waitForInput(milliseconds: Int32) -> Bool {
        guard let handle, PQsocket(handle) >= 0 else { return false }
        var descriptor = pollfd(fd: PQsocket(handle), events: Int16(POLLIN), revents: 0)
        return poll(&descriptor, 1, milliseconds) > 0
    }

    /// The notifications that arrived with earlier replies or are waiting on the socket now.
    public func notifications() -> [(channel: String, payload: String)] {
        guard let handle else { return [] }
        PQconsumeInput(handle)
        var found: [(String, String)] = []
        while let notify = PQnotifies(handle) {
            found.append((String(cString: notify.pointee.relname), String(cString: notify.pointee.extra)))
            PQfreemem(notify)
        }
        return found
    }

    /// A server that closes the connection after a FATAL error (PgBouncer refusing BEGIN in statement mode)
    /// leaves its message among the notices and libpq's text; the FATAL line says more than "closed".
    private func lostConnection(_ text: String) -> PGError {
        let fatal = (takeNotices() + [String(cString: PQerrorMessage(handle))]).map { PGError(connectionMessage: $0) }
            .first { $0.severity == "FATAL" }
        return fatal ?? PGError(connectionMessage: text)
    }

    private func open() throws(PGError) -> OpaquePointer {
        guard let handle, PQstatus(handle) == CONNECTION_OK else {
            throw PGError(severity: "", sqlState: "", message: "the connection is closed")
        }
        return handle
    }

    private func reply(_ result: OpaquePointer?, _ handle: OpaquePointer) throws(PGError) -> PGReply {
        guard let result else {
            throw lostConnection(String(cString: PQerrorMessage(handle)))
        }
        defer { PQclear(result) }
        switch PQresultStatus(result) {
        case PGRES_COMMAND_OK, PGRES_TUPLES_OK, PGRES_EMPTY_QUERY:
            var rows: [[String]] = []
            for row in 0..<PQntuples(result) {
                rows.append(
                    (0..<PQnfields(result)).map { column in
                        PQgetisnull(result, row, column) == 1 ? "" : String(cString: PQgetvalue(result, row, column))
                    })
            }
            let columns = (0..<PQnfields(result)).map { String(cString: PQfname(result, $0)) }
            return PGReply(command: String(cString: PQcmdStatus(result)), columns: columns, rows: rows)
        default:
            func field(_ code: Character) -> String {
                PQresultErrorField(result, Int32(code.asciiValue!)).map { String(cString: $0) } ?? ""
            }
            let message = field("M")
            guard !message.isEmpty else {
                throw lostConnection(String(cString: PQresultErrorMessage(result)))
            }
            throw PGError(severity: field("V"), sqlState: field("C"), message: message)
        }
    }
}

/// Where a connection's notice processor puts what the server said.
private final class NoticeBox {
    var lines: [String] = []
}
