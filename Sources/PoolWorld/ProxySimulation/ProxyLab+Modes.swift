/// One step of the modes program: a client sends SQL.
public struct ProxyLabStep: Hashable, Sendable {
    public var client: String
    public var sql: String
    /// What has gone wrong when the answer differs from the one session mode gives.
    public var why: String

    public init(_ client: String, _ sql: String, why: String) {
        self.client = client
        self.sql = sql
        self.why = why
    }
}

extension ProxyLab {
    /// The session-state program the modes scenario runs in every mode: alice builds up session state, then
    /// bob and alice use it, with bob holding a transaction open in the middle so that alice lands elsewhere.
    public static let modesProgram: [ProxyLabStep] = [
        ProxyLabStep("alice", "SET statement_timeout = '5ms'", why: "SET stays on the server connection"),
        ProxyLabStep("alice", "PREPARE q AS SELECT 42", why: "PREPARE stays on the server connection"),
        ProxyLabStep("alice", "CREATE TEMP TABLE cart (id int)", why: "a PRESERVE ROWS temp table stays behind"),
        ProxyLabStep("alice", "LISTEN jobs", why: "LISTEN stays on the server connection"),
        ProxyLabStep("alice", "SELECT pg_advisory_lock(7)", why: "a session advisory lock stays behind"),
        ProxyLabStep(
            "bob", "SELECT pg_sleep(0.01)", why: "bob runs on alice's old server connection, with her statement_timeout"
        ),
        ProxyLabStep(
            "bob", "SELECT pg_try_advisory_lock(7)",
            why: "bob's server connection holds alice's advisory lock, so bob takes it again"),
        ProxyLabStep("bob", "BEGIN", why: "bob now pins that server connection for his transaction"),
        ProxyLabStep(
            "alice", "NOTIFY jobs, 'hello'", why: "the connection that LISTENs for alice is bob's now, or gone"),
        ProxyLabStep("alice", "EXECUTE q", why: "alice's next statement runs on another server connection"),
        ProxyLabStep("alice", "INSERT INTO cart VALUES (1)", why: "alice's temp table is on another server connection"),
        ProxyLabStep("bob", "COMMIT", why: "bob's transaction did not survive"),
        ProxyLabStep("bob", "SHOW statement_timeout", why: "bob still runs with alice's statement_timeout"),
    ]

    /// The modes scenario's world: a PgBouncer in `mode` with pools of 2, fast logins, no workload.
    public static func modesScenario(mode: PoolMode) -> ProxyScenario {
        var scenario = ProxyScenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        scenario.proxy.poolMode = mode
        scenario.proxy.defaultPoolSize = 2
        scenario.database.setup = .loopbackTrust
        return scenario
    }

    /// Runs the modes program in each mode and returns what each step's client saw.
    public static func runModes() -> [ProxyLabReport.ModeRun] {
        PoolMode.allCases.map { mode in
            let world = ProxyWorld(scenario: modesScenario(mode: mode))
            var results: [String] = []
            for name in ["alice", "bob"] { _ = try? world.connect(name) }
            for step in modesProgram {
                var prefix = ""
                if world.closedWith(step.client) != nil {
                    _ = try? world.connect(step.client)
                    prefix = "(\(step.client) reconnects) "
                }
                let lines = (try? world.query(step.client, step.sql, limit: .minutes(1))) ?? []
                var cell = world.closedWith(step.client)?.description ?? world.lastResult(of: step.client)?.summary
                if cell == nil { cell = "(no answer)" }
                if cell == "" { cell = "ok" }
                for line in lines {
                    guard case .clientNotified(let client, _, let channel, _, _) = line.kind else { continue }
                    cell? += client.map { "; \($0) hears NOTIFY \(channel)" } ?? "; nobody hears it"
                }
                if step.sql.hasPrefix("NOTIFY"),
                    !lines.contains(where: { if case .clientNotified = $0.kind { true } else { false } })
                {
                    // PostgreSQL holds a notification for a listener inside a transaction until that ends.
                    let listener = world.serverSummary.first { server in
                        (try? world.session(ofServer: server.name).listening.contains("jobs")) == true
                    }
                    if let listener {
                        cell? += "; held for \(listener.client ?? listener.name) until its transaction ends"
                    } else {
                        cell? += "; no server connection listens any more"
                    }
                }
                results.append(prefix + (cell ?? ""))
            }
            return ProxyLabReport.ModeRun(mode: mode, results: results, trace: world.trace)
        }
    }

    static func modesReport() -> ProxyLabReport {
        let runs = runModes()
        let session = runs.first { $0.mode == .session }?.results ?? []
        var lines = [
            "Session mode: each client keeps its server connection, so every step behaves as on a direct connection; "
                + "PgBouncer runs DISCARD ALL when a client leaves."
        ]
        for run in runs where run.mode != .session {
            for (index, step) in modesProgram.enumerated() where run.results[index] != session[index] {
                lines.append(
                    "\(run.mode): step \(index + 1) \(step.client): \(step.sql) → \(run.results[index]) (\(step.why))")
            }
        }
        let rows = modesProgram.indices.map { index in
            ["\(index + 1) \(modesProgram[index].client): \(modesProgram[index].sql)"] + runs.map { $0.results[index] }
        }
        return ProxyLabReport(
            name: "modes-side-by-side", summary: catalog[1].summary, lines: lines,
            tables: [
                .init(
                    title: "What each client saw",
                    table: AdminTable(columns: ["step"] + runs.map(\.mode.rawValue), rows: rows))
            ],
            modeRuns: runs)
    }
}
