/// What it costs to open one PostgreSQL connection, in its four parts.
///
/// A new connection pays for a TCP handshake, optionally a TLS handshake, authentication (trust, or SCRAM's
/// extra round trips and key stretching) and the backend start (the postmaster forks a process that then
/// initialises its caches). Keeping the parts apart lets a trace say where the time went:
/// `c3 opened (tcp 1ms, tls 6.3ms, auth 9ms, backend 1.7ms)`.
public struct ConnectionSetup: Hashable, Sendable {
    /// The TCP handshake: one network round trip.
    public var tcp: SimDuration
    /// The TLS handshake (zero without TLS).
    public var tls: SimDuration
    /// Authentication, including the startup packet exchange.
    public var auth: SimDuration
    /// The backend start: the postmaster's fork plus the backend's initialisation (shown as `backend`).
    public var fork: SimDuration

    public init(tcp: SimDuration, tls: SimDuration, auth: SimDuration, fork: SimDuration) {
        self.tcp = tcp
        self.tls = tls
        self.auth = auth
        self.fork = fork
    }

    /// The whole cost of one connection.
    public var total: SimDuration { tcp + tls + auth + fork }

    // The loopback presets are built from parts measured with pgbench on this kind of machine (PostgreSQL 15,
    // Debian 12, loopback TCP, a shared and loaded 2-core machine, so upper bounds; REFERENCE.md): `pgbench -C`
    // with one client ran connect + `SELECT 1` + disconnect in 2.9 ms with trust, 9.7 ms with SCRAM-SHA-256 and
    // 15 ms with TLS 1.3 + SCRAM; a `SELECT 1` on a kept connection took 0.03-0.08 ms. Taking off the query
    // and the goodbye (~0.1 ms) leaves the connect, split as: TCP handshake on loopback ~0.05 ms; trust
    // authentication (startup packet, AuthenticationOk, parameter status) ~0.2 ms, measured 0.1-0.3 ms; the
    // backend start (postmaster fork plus the backend's initialisation: catalog caches, shared memory attach)
    // ~2.55 ms, measured 1.5-4 ms, the bulk of a trust login; SCRAM's exchange and key stretching (4,096
    // PBKDF2 rounds on each side) adds ~6.8 ms to authentication; the TLS 1.3 handshake ~5.3 ms.

    /// Trust authentication over loopback TCP: 2.8 ms (tcp 0.05 + auth 0.2 + backend start 2.55), measured
    /// 2.9 ms with the `SELECT 1` and the disconnect.
    public static let loopbackTrust = ConnectionSetup(
        tcp: .microseconds(50), tls: .zero, auth: .microseconds(200), fork: .microseconds(2_550))

    /// SCRAM-SHA-256 without TLS over loopback: 9.6 ms, SCRAM adding 6.8 ms to trust's authentication
    /// (measured 9.7 ms with the query and disconnect).
    public static let scram = ConnectionSetup(
        tcp: .microseconds(50), tls: .zero, auth: .microseconds(7_000), fork: .microseconds(2_550))

    /// TLS 1.3 plus SCRAM over loopback: 14.9 ms, the TLS handshake adding 5.3 ms (measured 15 ms).
    public static let tlsScram = ConnectionSetup(
        tcp: .microseconds(50), tls: .microseconds(5_300), auth: .microseconds(7_000), fork: .microseconds(2_550))

    /// TLS 1.3 plus SCRAM over a real network with a 1 ms round trip: 18 ms, within the 10-20 ms the course's
    /// documents publish for a typical PostgreSQL connection (000_22c4aaef30b0489c.txt,
    /// 001_8729e3255cbd2dab.txt), and the figure of their reservation-desk example. The measured parts plus
    /// the network: TCP one round trip (1 ms); TLS one round trip plus the handshake (1 + 5.3 ms); SCRAM two
    /// round trips plus its work (2 + 7 ms); the backend start at the quick end of the measured range (1.7 ms).
    public static let reservationDesk = ConnectionSetup(
        tcp: .milliseconds(1), tls: .microseconds(6_300), auth: .milliseconds(9), fork: .microseconds(1_700))

    /// Free connections, for experiments that want to ignore setup entirely.
    public static let none = ConnectionSetup(tcp: .zero, tls: .zero, auth: .zero, fork: .zero)

    /// The presets by the names flags and lessons use.
    public static let presets: [(name: String, setup: ConnectionSetup)] = [
        ("loopback-trust", .loopbackTrust),
        ("scram", .scram),
        ("tls-scram", .tlsScram),
        ("reservation-desk", .reservationDesk),
        ("none", .none),
    ]

    /// The preset called `name`, e.g. `tls-scram`.
    /// - Throws: `InputError` listing the known names.
    public static func preset(named name: String) throws(InputError) -> ConnectionSetup {
        if let found = presets.first(where: { $0.name == name.lowercased() }) {
            return found.setup
        }
        let names = presets.map(\.name).joined(separator: ", ")
        throw InputError("unknown setup preset \"\(name)\": use one of \(names)")
    }
}

extension ConnectionSetup: CustomStringConvertible {
    /// `tcp 1ms, tls 6.3ms, auth 9ms, backend 1.7ms`; a part that costs nothing is left out.
    public var description: String {
        let parts = [("tcp", tcp), ("tls", tls), ("auth", auth), ("backend", fork)]
        let shown = parts.filter { $0.1 > .zero }.map { "\($0.0) \($0.1)" }
        return shown.isEmpty ? "no setup cost" : shown.joined(separator: ", ")
    }
}
