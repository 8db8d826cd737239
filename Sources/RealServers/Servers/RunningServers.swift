import Foundation

/// The running servers as `servers.json` records them: ports, process ids and versions.
public struct RunningServers: Codable, Hashable, Sendable {
    public var postgresPort: Int
    public var bouncerPort: Int
    public var postgresPID: Int32
    public var bouncerPID: Int32
    /// `15.18 (Debian 15.18-0+deb12u1)`, as `SHOW server_version` says.
    public var postgresVersion: String
    /// `1.18.0`, as `pgbouncer --version` says.
    public var bouncerVersion: String
    /// The process that started them; it stops them when it ends.
    public var owner: Int32

    /// The major version, 15 for `15.18 (Debian …)`.
    public var postgresMajor: Int { Int(postgresVersion.prefix { $0.isNumber }) ?? 0 }

    /// PgBouncer's version as numbers, [1, 18, 0].
    public var bouncerNumbers: [Int] {
        bouncerVersion.split(separator: ".").map { Int($0.prefix { $0.isNumber }) ?? 0 }
    }

    /// Whether the process that started them and PostgreSQL still run (a crash leaves a stale record).
    public var isAlive: Bool { ProcessProbe.isAlive(owner) && ProcessProbe.isAlive(postgresPID) }

    public var versionLine: String { "PostgreSQL \(postgresVersion), PgBouncer \(bouncerVersion)" }
}
