/// The releases the world imitates. Its texts, defaults, settings and admin views are these versions', checked
/// against their sources: PostgreSQL 18 (the current major release) and PgBouncer 1.25 (1.25.2).
///
/// Older releases a learner may run differ where the lessons say so (lesson 10: Debian 12's PostgreSQL 15 and
/// PgBouncer 1.18).
public enum ModelledVersions {
    public static let postgreSQL = "PostgreSQL 18"
    public static let pgBouncer = "PgBouncer 1.25"
    /// One line for the learner: `The world models PostgreSQL 18 and PgBouncer 1.25.`
    public static let sentence = "The world models \(postgreSQL) and \(pgBouncer): their texts, defaults and columns."
}
