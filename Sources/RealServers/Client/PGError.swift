import Foundation

/// An error from the real server or from libpq, in the shape PostgreSQL prints it: `FATAL: message`.
public struct PGError: Error, Hashable, Sendable, CustomStringConvertible {
    /// `ERROR`, `FATAL`; empty when libpq itself gave up (a refused socket, a closed connection).
    public var severity: String
    /// The SQLSTATE, e.g. `53300`; empty for libpq's own errors.
    public var sqlState: String
    public var message: String

    public init(severity: String, sqlState: String, message: String) {
        self.severity = severity
        self.sqlState = sqlState
        self.message = message
    }

    /// Reads libpq's text for a failed login or a lost connection, e.g.
    /// `connection to server at "127.0.0.1", port 5433 failed: FATAL:  sorry, too many clients already`:
    /// the server's part when there is one (libpq puts two spaces after the severity), else the whole text.
    public init(connectionMessage text: String) {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        for severity in ["FATAL", "ERROR", "WARNING", "NOTICE"] {
            if let range = trimmed.range(of: severity + ":") {
                let rest = trimmed[range.upperBound...].trimmingCharacters(in: .whitespaces)
                let firstLine = rest.split(separator: "\n", omittingEmptySubsequences: false).first ?? ""
                self.init(severity: severity, sqlState: "", message: String(firstLine))
                return
            }
        }
        let firstLine = trimmed.split(separator: "\n").first.map(String.init) ?? trimmed
        self.init(severity: "", sqlState: "", message: firstLine)
    }

    /// `FATAL: sorry, too many clients already`, as PostgreSQL logs it and the world prints it.
    public var description: String { severity.isEmpty ? message : "\(severity): \(message)" }
}
