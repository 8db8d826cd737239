import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// Whose processes the servers are. The learner's own, normally; PostgreSQL and PgBouncer refuse to run as
/// root, so as root (a CI container, a root shell) they run as the `postgres` account that Debian's
/// postgresql package creates, started through `setpriv` with the one capability to reach a private home
/// folder such as `/root/.poolschool` (CAP_DAC_READ_SEARCH: read and search, never write, others' files).
public struct ServerAccount: Hashable, Sendable {
    /// Nil when the servers run as the current user.
    public var name: String?
    var uid: uid_t
    var gid: gid_t
    /// What to put before a server program's arguments.
    var prefix: [String]

    /// A sentence for `real start` and `real status` when the servers are not the learner's own processes.
    public var note: String? {
        name.map {
            "running as root, so the servers run as the '\($0)' account (PostgreSQL and PgBouncer refuse to run as root)"
        }
    }

    /// The account for this process: itself, or `postgres` when it is root.
    public static func current() throws(ServerError) -> ServerAccount {
        guard geteuid() == 0 else { return ServerAccount(name: nil, uid: geteuid(), gid: getegid(), prefix: []) }
        guard let entry = getpwnam("postgres") else {
            throw ServerError(
                "running as root, and there is no 'postgres' account to run the servers as (PostgreSQL refuses "
                    + "root); the postgresql package creates it: apt-get install postgresql")
        }
        let setpriv = "/usr/bin/setpriv"
        guard FileManager.default.isExecutableFile(atPath: setpriv) else {
            throw ServerError("running as root needs setpriv (package util-linux) to start the servers as 'postgres'")
        }
        let uid = entry.pointee.pw_uid
        let gid = entry.pointee.pw_gid
        let plain = [setpriv, "--reuid=\(uid)", "--regid=\(gid)", "--init-groups"]
        let reaching = plain + ["--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search"]
        // A container may withhold the capability; then the home folder must be reachable as it is.
        let withCapability = (try? ChildProcess.run(reaching + ["--", "/bin/true"], seconds: 10))?.status == 0
        return ServerAccount(name: "postgres", uid: uid, gid: gid, prefix: (withCapability ? reaching : plain) + ["--"])
    }

    /// Gives the account the lab's folder (as root only; the learner owns it already otherwise).
    func own(_ path: String) throws(ServerError) {
        guard name != nil else { return }
        try ChildProcess.check(["/bin/chown", "-R", "\(uid):\(gid)", path])
    }
}
