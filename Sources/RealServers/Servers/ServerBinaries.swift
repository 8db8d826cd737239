import Foundation

/// The installed PostgreSQL server programs, PgBouncer and openssl, from the distribution's packages.
public struct ServerBinaries: Hashable, Sendable {
    /// `/usr/lib/postgresql/15/bin`: initdb, pg_ctl and postgres live here, never on PATH on Debian.
    public var postgresBin: String
    public var pgbouncer: String
    public var openssl: String

    public var initdb: String { postgresBin + "/initdb" }
    public var pgCtl: String { postgresBin + "/pg_ctl" }

    /// The Debian packages the lab needs (libpq-dev is needed to build poolschool at all).
    public static let packages = ["postgresql", "pgbouncer", "openssl"]

    /// The newest installed server version, PgBouncer and openssl, in the file system under `root` (empty: `/`;
    /// a folder in tests); or the packages that are missing.
    public static func find(root: String = "") -> Result<ServerBinaries, MissingPackages> {
        let fileSystem = FileManager.default
        let versions =
            ((try? fileSystem.contentsOfDirectory(atPath: root + "/usr/lib/postgresql")) ?? [])
            .compactMap(Int.init).sorted()
        let bin = versions.reversed().map { root + "/usr/lib/postgresql/\($0)/bin" }
            .first {
                fileSystem.isExecutableFile(atPath: $0 + "/initdb")
                    && fileSystem.isExecutableFile(atPath: $0 + "/pg_ctl")
            }
        let bouncer = ["/usr/sbin/pgbouncer", "/usr/bin/pgbouncer", "/usr/local/bin/pgbouncer"].map { root + $0 }
            .first(where: fileSystem.isExecutableFile(atPath:))
        let openssl = ["/usr/bin/openssl", "/usr/local/bin/openssl"].map { root + $0 }.first(
            where: fileSystem.isExecutableFile(atPath:))
        var missing: [String] = []
        if bin == nil { missing.append("postgresql") }
        if bouncer == nil { missing.append("pgbouncer") }
        if openssl == nil { missing.append("openssl") }
        guard let bin, let bouncer, let openssl else { return .failure(MissingPackages(names: missing)) }
        return .success(ServerBinaries(postgresBin: bin, pgbouncer: bouncer, openssl: openssl))
    }
}

/// The packages the lab needs and cannot find, with how to get them.
public struct MissingPackages: Error, Hashable, Sendable, CustomStringConvertible {
    public var names: [String]

    public var description: String {
        let list = names.joined(separator: " ")
        return "the real-server lab needs these Debian packages, which are not installed: \(list)\n"
            + "install them with 'make real' (it runs scripts/ensure-packages.sh), or as root: apt-get install \(list)"
    }
}
