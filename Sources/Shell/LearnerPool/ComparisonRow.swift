import PoolWorld

/// One pool's line in `compare`'s table: what a learner needs to see how two pools differ.
struct ComparisonRow: Codable, Sendable, Equatable {
    var pool: String
    var requests: Int
    var probabilityOfWaiting: Double
    var p50Milliseconds: Double
    var p99Milliseconds: Double
    var throughputPerSecond: Double
    /// Connections the database accepted, and those it saw closed by the end.
    var opened: Int
    var closed: Int
    var timeouts: Int
    var errors: Int
    var unfinished: Int
    var violations: Int

    init(pool: String, result: SimulationResult) {
        self.pool = pool
        requests = result.requests
        probabilityOfWaiting = result.probabilityOfWaiting
        p50Milliseconds = result.latency(percentile: 50).milliseconds
        p99Milliseconds = result.latency(percentile: 99).milliseconds
        throughputPerSecond = result.throughputPerSecond
        // From the database's side, so that any pool (the learner's keeps no counters of ours) counts alike.
        opened = result.database.acceptedConnections
        closed = result.database.acceptedConnections - result.database.connections
        timeouts = result.timedOut
        errors = result.errored
        unfinished = result.unfinished
        violations = result.violations.count
    }

    /// The table, one column per pool (so that seven presets fit a terminal), as Markdown for the renderer.
    static func table(_ rows: [ComparisonRow]) -> String {
        let measures: [(String, (ComparisonRow) -> String)] = [
            ("p_wait", { SimReport.fixed($0.probabilityOfWaiting, 4) }),
            ("p50 ms", { SimReport.fixed($0.p50Milliseconds, 3) }),
            ("p99 ms", { SimReport.fixed($0.p99Milliseconds, 3) }),
            ("req/s", { SimReport.fixed($0.throughputPerSecond, 1) }),
            ("opened", { "\($0.opened)" }), ("closed", { "\($0.closed)" }), ("timeouts", { "\($0.timeouts)" }),
            ("errors", { "\($0.errors)" }), ("unfinished", { "\($0.unfinished)" }),
            ("violations", { "\($0.violations)" }),
        ]
        var lines = [
            "| | " + rows.map { $0.pool.replacingOccurrences(of: "|", with: "/") }.joined(separator: " | ") + " |",
            "|---|" + String(repeating: "---:|", count: rows.count),
        ]
        for (name, value) in measures {
            lines.append("| \(name) | " + rows.map(value).joined(separator: " | ") + " |")
        }
        return lines.joined(separator: "\n")
    }
}
