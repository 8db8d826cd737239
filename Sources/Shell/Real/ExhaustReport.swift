import PoolWorld
import RealServers

/// `real exhaust`: the real refusals beside the world's, then the load through PgBouncer beside the world's.
enum ExhaustReport {
    static func refusals(_ slots: SlotRefusals, servers: RunningServers) -> String {
        let ordinary = slots.maxConnections - slots.reserved
        var lines = [
            "max_connections \(slots.maxConnections), superuser_reserved_connections \(slots.reserved) "
                + "(\(slots.alreadyOpen) backends already open, PgBouncer's idle server connections among them).",
            "",
            "| login | opened | refused with (real PostgreSQL \(servers.postgresMajor)) | the world's text (\(ModelledVersions.postgreSQL)) |",
            "|---|---|---|---|",
            "| ordinary role, up to \(ordinary) slots | \(slots.ordinaryOpened) | \(cell(slots.ordinaryRefusal)) | "
                + "\(cell(slots.worldOrdinaryRefusal)) |",
            "| superuser, the reserved \(slots.reserved) | \(slots.superuserOpened) | \(cell(slots.superuserRefusal)) | "
                + "\(cell(slots.worldSuperuserRefusal)) |",
        ]
        if servers.postgresMajor < 16, slots.ordinaryRefusal?.contains("non-replication superuser") == true {
            lines.append(
                "\nExpected difference: PostgreSQL \(servers.postgresMajor) words the reserved-slot refusal as before 16; "
                    + "16 and later say `roles with the SUPERUSER attribute`.")
        }
        return lines.joined(separator: "\n")
    }

    static func load(_ load: RealExhaust, real: RealExhaust.Outcome, world: ProxySimulationResult?) -> String {
        let columns = ["cl_active", "cl_waiting", "sv_active", "sv_idle", "sv_used", "maxwait", "maxwait_us"]
        let busiestWorld = world?.busiestPools.first
        let worldValues: [String: String] = [
            "cl_active": "\(busiestWorld?.clActive ?? 0)", "cl_waiting": "\(busiestWorld?.clWaiting ?? 0)",
            "sv_active": "\(busiestWorld?.svActive ?? 0)", "sv_idle": "\(busiestWorld?.svIdle ?? 0)",
            "sv_used": "\(busiestWorld?.svUsed ?? 0)", "maxwait": "\(busiestWorld?.maxwait ?? 0)",
            "maxwait_us": "\(busiestWorld?.maxwaitUs ?? 0)",
        ]
        var lines = [
            "\(load.clients) clients at once through PgBouncer (transaction mode, pool of \(RealExhaust.bouncerPoolSize)), "
                + "each running `SELECT pg_sleep(\(load.sleep))` \(load.queriesPerClient) times; `SHOW POOLS` sampled "
                + "every 50 ms (\(real.samples) samples). The busiest sample:",
            "",
            "| SHOW POOLS | \(columns.joined(separator: " | ")) |",
            "|---|" + columns.map { _ in "---" }.joined(separator: "|") + "|",
            "| real | " + columns.map { Sanitizer.clean(real.busiest[$0] ?? "–") }.joined(separator: " | ") + " |",
            "| world | " + columns.map { world == nil ? "–" : worldValues[$0] ?? "–" }.joined(separator: " | ") + " |",
            "",
            "Real: \(real.completed) of \(load.clients * load.queriesPerClient) queries in "
                + "\(SimReport.fixed(real.seconds, 2)) s, \(real.errors.count) errors"
                + (real.errors.first.map { " (first: \(Sanitizer.clean($0)))" } ?? "")
                + ". "
                + (world.map {
                    "World: \($0.run.completed) in \($0.run.simulatedTime), the longest wait \($0.longestWait). "
                }
                    ?? "") + "The database never saw more than "
                + "\(RealExhaust.bouncerPoolSize) of these clients at once: the rest waited inside PgBouncer (cl_waiting).",
        ]
        if !real.columns.isEmpty, real.columns != ShowPoolsRow.columns {
            lines.append(
                "\nThe installed PgBouncer's SHOW POOLS has \(real.columns.count) columns, \(ModelledVersions.pgBouncer)'s "
                    + "\(ShowPoolsRow.columns.count) (expected: columns were added in later releases).")
        }
        return lines.joined(separator: "\n")
    }

    private static func cell(_ text: String?) -> String {
        text.map { Sanitizer.clean($0) } ?? "(not refused)"
    }
}
