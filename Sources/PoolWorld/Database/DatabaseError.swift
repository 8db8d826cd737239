/// An error as PostgreSQL reports it: a severity, a SQLSTATE code and a message.
///
/// The texts are PostgreSQL's own, because these are the lines a learner will later meet in production logs.
/// Errors that come from the client library rather than the server (a dropped socket) have the
/// `lostConnection` severity and print without a prefix, as libpq prints them.
public struct DatabaseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Hashable, Sendable {
        /// The statement failed; the session goes on (inside a transaction block, the block is aborted).
        case error = "ERROR"
        /// The session is over: the server closes the connection after sending this.
        case fatal = "FATAL"
        /// The client noticed that the connection is gone, without a message from the server.
        case lostConnection = ""
    }

    public var severity: Severity
    /// The five-character SQLSTATE, e.g. `53300` for too many connections.
    public var sqlState: String
    /// The message without the severity prefix.
    public var message: String

    public init(_ severity: Severity, _ sqlState: String, _ message: String) {
        self.severity = severity
        self.sqlState = sqlState
        self.message = message
    }

    /// `FATAL: sorry, too many clients already`.
    public var description: String {
        severity == .lostConnection ? message : "\(severity.rawValue): \(message)"
    }
}

extension DatabaseError {
    public static let tooManyClients = DatabaseError(.fatal, "53300", "sorry, too many clients already")
    public static let reservedForSuperuser = DatabaseError(
        .fatal, "53300", "remaining connection slots are reserved for roles with the SUPERUSER attribute")
    /// PostgreSQL 16+, when the free slots are those of `reserved_connections`.
    public static let reservedForPrivilegedRoles = DatabaseError(
        .fatal, "53300",
        "remaining connection slots are reserved for roles with privileges of the \"pg_use_reserved_connections\" role")
    public static let idleSessionTimeout = DatabaseError(
        .fatal, "57P05", "terminating connection due to idle-session timeout")
    public static let idleInTransactionTimeout = DatabaseError(
        .fatal, "25P03", "terminating connection due to idle-in-transaction timeout")
    public static let administratorCommand = DatabaseError(
        .fatal, "57P01", "terminating connection due to administrator command")
    public static let startingUp = DatabaseError(.fatal, "57P03", "the database system is starting up")
    public static let statementTimeout = DatabaseError(.error, "57014", "canceling statement due to statement timeout")
    public static let transactionAborted = DatabaseError(
        .error, "25P02", "current transaction is aborted, commands ignored until end of transaction block")
    public static let divisionByZero = DatabaseError(.error, "22012", "division by zero")
    public static let connectionTimedOut = DatabaseError(
        .lostConnection, "08006", "could not receive data from server: Connection timed out")
    public static let serverClosedConnection = DatabaseError(
        .lostConnection, "08006",
        "server closed the connection unexpectedly\n\tThis probably means the server terminated abnormally")

    public static func passwordAuthenticationFailed(user: String) -> DatabaseError {
        DatabaseError(.fatal, "28P01", "password authentication failed for user \"\(user)\"")
    }

    public static func preparedStatementMissing(_ name: String) -> DatabaseError {
        DatabaseError(.error, "26000", "prepared statement \"\(name)\" does not exist")
    }

    public static func preparedStatementExists(_ name: String) -> DatabaseError {
        DatabaseError(.error, "42P05", "prepared statement \"\(name)\" already exists")
    }

    public static func relationMissing(_ name: String) -> DatabaseError {
        DatabaseError(.error, "42P01", "relation \"\(name)\" does not exist")
    }

    public static func relationExists(_ name: String) -> DatabaseError {
        DatabaseError(.error, "42P07", "relation \"\(name)\" already exists")
    }

    public static func unknownParameter(_ name: String) -> DatabaseError {
        DatabaseError(.error, "42704", "unrecognized configuration parameter \"\(name)\"")
    }

    public static func invalidParameterValue(_ name: String, _ value: String) -> DatabaseError {
        DatabaseError(.error, "22023", "invalid value for parameter \"\(name)\": \"\(value)\"")
    }

    public static func syntaxError(near token: String) -> DatabaseError {
        DatabaseError(.error, "42601", "syntax error at or near \"\(token)\"")
    }

    public static func cursorMissing(_ name: String) -> DatabaseError {
        DatabaseError(.error, "34000", "cursor \"\(name)\" does not exist")
    }

    public static func cursorExists(_ name: String) -> DatabaseError {
        DatabaseError(.error, "42P03", "cursor \"\(name)\" already exists")
    }

    /// A cursor without `WITH HOLD` outside a transaction block would end before it could be used.
    public static let cursorOutsideTransaction = DatabaseError(
        .error, "25P01", "DECLARE CURSOR can only be used in transaction blocks")

    public static func libraryMissing(_ name: String) -> DatabaseError {
        DatabaseError(.error, "58P01", "could not access file \"\(name)\": No such file or directory")
    }

    public static func cannotRunInTransaction(_ command: String) -> DatabaseError {
        DatabaseError(.error, "25001", "\(command) cannot run inside a transaction block")
    }
}
