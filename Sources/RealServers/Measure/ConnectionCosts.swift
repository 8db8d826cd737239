/// What `real measure` found: a new connection per login, directly and through PgBouncer, against a
/// `SELECT 1` on a connection kept open.
public struct ConnectionCosts: Codable, Hashable, Sendable {
    /// connect + `SELECT 1` + disconnect, as `pgbench -C` times it, per login method (`trust`, `scram`, …).
    public var direct: [String: Sample]
    public var throughBouncer: [String: Sample]
    /// `SELECT 1` on a kept connection.
    public var keptQuery: Sample
    public var keptQueryThroughBouncer: Sample
    /// A bare TCP handshake to PostgreSQL's port (connect and close): the `tcp` part of a login.
    public var tcpHandshake: Sample
    /// `PostgreSQL 15.18 (…), PgBouncer 1.18.0`.
    public var versions: String

    public init(
        direct: [String: Sample], throughBouncer: [String: Sample], keptQuery: Sample,
        keptQueryThroughBouncer: Sample, tcpHandshake: Sample, versions: String
    ) {
        self.direct = direct
        self.throughBouncer = throughBouncer
        self.keptQuery = keptQuery
        self.keptQueryThroughBouncer = keptQueryThroughBouncer
        self.tcpHandshake = tcpHandshake
        self.versions = versions
    }

    public func direct(_ method: LoginMethod) -> Sample { direct[method.rawValue] ?? Sample(milliseconds: []) }
    public func throughBouncer(_ method: LoginMethod) -> Sample {
        throughBouncer[method.rawValue] ?? Sample(milliseconds: [])
    }
}
