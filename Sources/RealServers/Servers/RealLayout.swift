import Foundation

/// Where the real-server lab keeps everything: `$POOLSCHOOL_HOME/real/`, one folder the learner owns.
///
/// `pgdata/` is the cluster, `run/` the logs and pid files, beside them the certificate, the PgBouncer files,
/// `servers.json` (the ports of the running servers) and `calibration.json` (what `real calibrate` measured).
public struct RealLayout: Hashable, Sendable {
    public let root: String

    /// The lab's folder inside the poolschool home folder.
    public init(home: String) {
        root = (home as NSString).appendingPathComponent("real")
    }

    func path(_ name: String) -> String { (root as NSString).appendingPathComponent(name) }

    public var dataDirectory: String { path("pgdata") }
    public var runDirectory: String { path("run") }
    public var postgresLog: String { path("run/postgresql.log") }
    public var bouncerLog: String { path("run/pgbouncer.log") }
    public var bouncerPidFile: String { path("run/pgbouncer.pid") }
    public var postmasterPidFile: String { path("pgdata/postmaster.pid") }
    public var bouncerConfig: String { path("pgbouncer.ini") }
    public var bouncerUsers: String { path("userlist.txt") }
    public var bouncerHBA: String { path("pgbouncer_hba.conf") }
    public var certificate: String { path("server.crt") }
    public var privateKey: String { path("server.key") }
    public var state: String { path("servers.json") }
    public var calibration: String { path("calibration.json") }
    /// The superuser's password, made at set-up and readable by the learner only.
    public var superuserPassword: String { path("superuser.password") }
}
