/// What it costs to open one PostgreSQL connection, in its four parts.
///
/// A new connection pays for a TCP handshake, optionally a TLS handshake, authentication (trust, or SCRAM's
/// extra round trips and key stretching) and the backend start (the postmaster forks a process that then
/// initialises its caches). Keeping the parts apart lets a trace say where the time went:
/// `c3 opened (tcp 1ms, tls 5ms, auth 4ms, fork 8ms)`.
public struct ConnectionSetup: Hashable, Sendable {
    /// The TCP handshake: one network round trip.
    public var tcp: SimDuration
    /// The TLS handshake (zero without TLS).
    public var tls: SimDuration
    /// Authentication, including the startup packet exchange.
    public var auth: SimDuration
    /// The backend start: fork plus backend initialisation.
    public var fork: SimDuration

    public init(tcp: SimDuration, tls: SimDuration, auth: SimDuration, fork: SimDuration) {
        self.tcp = tcp
        self.tls = tls
        self.auth = auth
        self.fork = fork
    }

    /// The whole cost of one connection.
    public var total: SimDuration { tcp + tls + auth + fork }

    /// Trust authentication over loopback: about 1 ms in all, of which the fork is about 0.15 ms.
    public static let loopbackTrust = ConnectionSetup(
        tcp: .microseconds(50), tls: .zero, auth: .microseconds(800), fork: .microseconds(150))

    /// SCRAM-SHA-256 without TLS: about 4.2 ms, SCRAM's exchange adding about 3.2 ms to trust.
    public static let scram = ConnectionSetup(
        tcp: .microseconds(50), tls: .zero, auth: .microseconds(4_000), fork: .microseconds(150))

    /// TLS 1.3 plus SCRAM: about 6.4 ms, the TLS handshake adding about 2.2 ms.
    public static let tlsScram = ConnectionSetup(
        tcp: .microseconds(50), tls: .microseconds(2_200), auth: .microseconds(4_000), fork: .microseconds(150))

    /// The course's reservation-desk example: 18 ms over a real network (1 + 5 + 4 + 8).
    public static let reservationDesk = ConnectionSetup(
        tcp: .milliseconds(1), tls: .milliseconds(5), auth: .milliseconds(4), fork: .milliseconds(8))

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
    /// `tcp 1ms, tls 5ms, auth 4ms, fork 8ms`; a part that costs nothing is left out.
    public var description: String {
        let parts = [("tcp", tcp), ("tls", tls), ("auth", auth), ("fork", fork)]
        let shown = parts.filter { $0.1 > .zero }.map { "\($0.0) \($0.1)" }
        return shown.isEmpty ? "no setup cost" : shown.joined(separator: ", ")
    }
}
