import Foundation
import PoolWorld

/// The parts of a connection's setup as `real calibrate` measured them on this machine, saved in
/// `$POOLSCHOOL_HOME/real/calibration.json` for `sim --setup measured` and the lab's `load --setup measured`.
///
/// libpq cannot time the parts of one login separately, so they are taken apart by difference, as lesson 02
/// does: `tcp` is a bare TCP handshake to the server's port; SCRAM's cost is a SCRAM login less a trust login;
/// TLS's is a TLS + SCRAM login less a SCRAM one; the backend start is a trust login less the TCP handshake,
/// the `SELECT 1` and trust's own authentication, which is too quick to separate and is taken as 0.2 ms (the
/// 0.1-0.3 ms PostgreSQL's developers measure), or a quarter of what is left when that is less.
public struct Calibration: Codable, Hashable, Sendable {
    /// The parts in microseconds.
    public struct Parts: Codable, Hashable, Sendable {
        public var tcp: Int
        public var tls: Int
        public var trustAuth: Int
        public var scramAuth: Int
        public var backendStart: Int
    }

    public var parts: Parts
    /// `PostgreSQL 15.18 (…), PgBouncer 1.18.0`.
    public var versions: String
    /// Logins timed per method.
    public var runs: Int
    /// When, as ISO 8601.
    public var measuredAt: String

    /// The presets this calibration defines, by the names `--setup` takes.
    public static let presetNames = ["measured", "measured-trust", "measured-tls-scram"]

    /// Takes measured costs apart into setup parts.
    public init(costs: ConnectionCosts, runs: Int, at date: Date = Date()) {
        func micro(_ milliseconds: Double) -> Int { max(0, Int((milliseconds * 1_000).rounded())) }
        let query = costs.keptQuery.median
        let trust = costs.direct(.trust).median - query
        let scram = costs.direct(.scram).median - query
        let tlsScram = costs.direct(.tlsScram).median - query
        let tcp = costs.tcpHandshake.median
        let trustAuth = min(0.2, max(0, trust - tcp) / 4)
        parts = Parts(
            tcp: micro(tcp), tls: micro(tlsScram - scram), trustAuth: micro(trustAuth),
            scramAuth: micro(trustAuth + max(0, scram - trust)), backendStart: micro(trust - tcp - trustAuth))
        versions = costs.versions
        self.runs = runs
        measuredAt = ISO8601DateFormatter().string(from: date)
    }

    /// The setup a preset name stands for: `measured` is SCRAM without TLS, as sim's default `scram` is.
    public func setup(named name: String) -> ConnectionSetup? {
        func duration(_ micro: Int) -> SimDuration { .microseconds(Double(micro)) }
        let tcp = duration(parts.tcp)
        let backend = duration(parts.backendStart)
        switch name {
        case "measured": return ConnectionSetup(tcp: tcp, tls: .zero, auth: duration(parts.scramAuth), fork: backend)
        case "measured-trust":
            return ConnectionSetup(tcp: tcp, tls: .zero, auth: duration(parts.trustAuth), fork: backend)
        case "measured-tls-scram":
            return ConnectionSetup(tcp: tcp, tls: duration(parts.tls), auth: duration(parts.scramAuth), fork: backend)
        default: return nil
        }
    }
}
