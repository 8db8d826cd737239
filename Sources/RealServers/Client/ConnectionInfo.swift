import Foundation

/// Where and how to log in: a libpq connection string, always to loopback, always with a connect timeout.
public struct ConnectionInfo: Hashable, Sendable {
    public var port: Int
    public var database: String
    public var user: String
    public var password: String?
    /// `disable` or `require`: TLS is the only thing that differs between SCRAM and TLS + SCRAM.
    public var tls: Bool
    /// Seconds libpq waits for the login before giving up (libpq's minimum is 2).
    public var timeout = 5

    public init(port: Int, database: String, user: String, password: String? = nil, tls: Bool = false) {
        self.port = port
        self.database = database
        self.user = user
        self.password = password
        self.tls = tls
    }

    /// `host=127.0.0.1 port=5433 dbname='postgres' …`: values quoted as libpq requires.
    public var conninfo: String {
        var pairs = [
            ("host", "127.0.0.1"), ("port", String(port)), ("dbname", database), ("user", user),
            ("sslmode", tls ? "require" : "disable"), ("connect_timeout", String(timeout)),
            ("application_name", "poolschool"),
            // No GSSAPI probe: on a machine with Kerberos libraries it would add a round trip to every login.
            ("gssencmode", "disable"),
        ]
        if let password { pairs.append(("password", password)) }
        return pairs.map { "\($0.0)=\(Self.quote($0.1))" }.joined(separator: " ")
    }

    /// libpq's quoting: single quotes around the value, backslash before `'` and `\`.
    static func quote(_ value: String) -> String {
        "'" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "'", with: "\\'") + "'"
    }
}
