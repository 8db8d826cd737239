import PoolWorld

/// Differences between the installed servers and the releases the world models that the versions explain.
///
/// Each is a documented change: PostgreSQL 16 reworded the reserved-slot refusal and added
/// `reserved_connections`; PgBouncer 1.21 began to track protocol-level prepared statements in transaction
/// and statement mode (`max_prepared_statements`, on by default, 200, since 1.24).
public enum VersionDifferences {
    /// PgBouncer's first release that keeps protocol-level prepared statements working in transaction mode.
    public static let preparedStatementsSince = [1, 21]

    /// Why a step the world cannot run came out as it did; `.differs` when the versions do not explain it.
    public static func explainUnsimulated(_ step: ModeStep, mode: PoolMode, real: ModeCell, servers: RunningServers)
        -> ModeComparison.Verdict
    {
        guard case .protocolExecute = step.kind, mode != .session else { return .notInWorld }
        let tracks = servers.bouncerNumbers.lexicographicallyPrecedes(preparedStatementsSince) == false
        if real.failed && !tracks {
            return .expected(
                "PgBouncer \(servers.bouncerVersion) predates 1.21's max_prepared_statements; "
                    + "\(ModelledVersions.pgBouncer) keeps protocol-level prepared statements working")
        }
        return real.failed ? .differs : .notInWorld
    }

    /// Why a step the world did run differs, if the versions explain it.
    public static func explain(_ step: ModeStep, simulated: ModeCell, real: ModeCell, servers: RunningServers)
        -> String?
    {
        if !simulated.failed, real.failed, real.text.contains(timeoutText) {
            return timingReason
        }
        if simulated.failed, real.failed,
            ModeCell.normalise(simulated.text).contains("roles with the SUPERUSER attribute"),
            ModeCell.normalise(real.text).contains("non-replication superuser"), servers.postgresMajor < 16
        {
            return "PostgreSQL \(servers.postgresMajor) words the reserved-slot refusal as before 16"
        }
        return nil
    }

    static let timeoutText = "canceling statement due to statement timeout"

    /// Not a version difference but the machine's: the program sets a 5 ms statement_timeout, which a loaded
    /// machine can exceed on any statement; the world's statements are as quick as the model says.
    public static let timingReason =
        "the real statement ran past the 5 ms statement_timeout the program set (a busy machine); "
        + "a timing difference, not the model's"

    /// The refusal for reserved slots as PostgreSQL before 16 words it.
    public static let reservedBefore16 =
        "remaining connection slots are reserved for non-replication superuser connections"
}
