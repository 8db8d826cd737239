extension ShellCommand {
    static let query = ShellCommand(
        name: "query", group: .lab, summary: "Run SQL on a borrowed connection", usage: "query NAME SQL",
        details: """
            Runs SQL on the connection NAME holds, with the session's state: `SELECT 1`, `SELECT work(5ms)`, \
            `SELECT pg_sleep(0.5)`, BEGIN/COMMIT/ROLLBACK, SET/SHOW, PREPARE/EXECUTE, CREATE TEMP TABLE, \
            LISTEN/NOTIFY, pg_advisory_lock, DISCARD ALL. The clock moves until the result arrives. In a \
            PgBouncer world NAME is a connected client, and its SQL goes through the proxy. Everything after NAME \
            reaches the world exactly as typed, quotes and backslashes included, as psql would send it.
            """,
        complete: completeBorrowers,
        verbatimAfter: 1,
        run: { arguments, session throws(ShellError) in
            guard arguments.count >= 2 else { throw .usage("expected a borrower and SQL, e.g. query a SELECT 1") }
            let lab = session.requireLab()
            let sql = arguments[1]
            do {
                if let proxy = lab.proxy {
                    session.show(try proxy.world.query(arguments[0], sql))
                    return
                }
                session.show(try lab.world.query(arguments[0], sql))
                lab.sample()
            } catch {
                throw session.labFailure(error)
            }
        })
}
