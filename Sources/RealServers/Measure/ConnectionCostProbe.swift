import Foundation

/// Times logins and queries against the running servers, in bounded runs.
public struct ConnectionCostProbe: Sendable {
    /// Logins per method and route; at most `maximumRuns`.
    public var runs: Int
    /// `SELECT 1`s on a kept connection.
    public var queryRuns: Int
    /// Each row stops after this long even if its runs are not done, so a slow machine cannot hang the shell.
    public var rowLimit: Duration = .seconds(15)

    public static let runRange = 1...500

    public init(runs: Int = 30, queryRuns: Int = 300) {
        self.runs = runs
        self.queryRuns = queryRuns
    }

    /// Measures everything; `progress` hears each row's name, `stop` is asked between runs (Ctrl-C).
    public func measure(
        _ lab: RealServerLab, progress: (String) -> Void = { _ in }, stop: () -> Bool = { false }
    ) throws(PGError) -> ConnectionCosts {
        guard let servers = lab.running else {
            throw PGError(severity: "", sqlState: "", message: "the real servers are not running")
        }
        var direct: [String: Sample] = [:]
        var bounced: [String: Sample] = [:]
        for method in LoginMethod.allCases {
            progress("new connections, \(method.title), direct")
            direct[method.rawValue] = try time(runs, stop) { () throws(PGError) in
                try Self.login(lab.connect(method, viaBouncer: false))
            }
            progress("new connections, \(method.title), through PgBouncer")
            bounced[method.rawValue] = try time(runs, stop) { () throws(PGError) in
                try Self.login(lab.connect(method, viaBouncer: true))
            }
        }
        progress("SELECT 1 on a kept connection")
        let kept = try lab.connect(.trust, viaBouncer: false)
        let keptQuery = try time(queryRuns, stop) { () throws(PGError) in _ = try kept.execute("SELECT 1") }
        let keptBounced = try lab.connect(.trust, viaBouncer: true)
        let keptBouncedQuery = try time(queryRuns, stop) { () throws(PGError) in
            _ = try keptBounced.execute("SELECT 1")
        }
        let tcp = try time(runs, stop) { () throws(PGError) in
            guard FreePort.connectTime(port: servers.postgresPort) != nil else {
                throw PGError(severity: "", sqlState: "", message: "TCP connect to PostgreSQL failed")
            }
        }
        return ConnectionCosts(
            direct: direct, throughBouncer: bounced, keptQuery: keptQuery, keptQueryThroughBouncer: keptBouncedQuery,
            tcpHandshake: tcp, versions: servers.versionLine)
    }

    /// What `pgbench -C` does per transaction: log in, `SELECT 1`, say goodbye.
    private static func login(_ connection: PGConnection) throws(PGError) {
        _ = try connection.execute("SELECT 1")
        connection.close()
    }

    /// Runs `body` once untimed (caches, the bouncer's first server login), then `count` times timed.
    private func time(_ count: Int, _ stop: () -> Bool, _ body: () throws(PGError) -> Void) throws(PGError) -> Sample {
        try body()
        let clock = ContinuousClock()
        let limit = clock.now + rowLimit
        var timings: [Double] = []
        for _ in 0..<count {
            if stop() || clock.now > limit { break }
            let start = clock.now
            try body()
            timings.append((clock.now - start).milliseconds)
        }
        return Sample(milliseconds: timings)
    }
}
