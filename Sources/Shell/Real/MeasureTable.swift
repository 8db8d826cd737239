import RealServers

/// `real measure`'s table: lesson 02's rows, with the learner's own medians and p95s beside the lesson's figures.
enum MeasureTable {
    /// Markdown, rendered like the lesson's table.
    static func markdown(_ costs: ConnectionCosts) -> String {
        let query = costs.keptQuery.median
        func ratio(_ sample: Sample) -> String {
            guard query > 0, sample.count > 0 else { return "–" }
            return "\(grouped(Int((sample.median / query).rounded())))×"
        }
        func cell(_ sample: Sample) -> String {
            sample.count == 0 ? "not measured" : "\(ms(sample.median)) / \(ms(sample.p95))"
        }
        let rows: [(String, String, Sample)] = [
            ("trusted login over loopback TCP", "about 2.9 ms", costs.direct(.trust)),
            ("SCRAM password, no TLS", "about 9.7 ms", costs.direct(.scram)),
            ("TLS 1.3 plus SCRAM", "about 15 ms", costs.direct(.tlsScram)),
            ("through PgBouncer, trust", "about 0.3 ms", costs.throughBouncer(.trust)),
            ("through PgBouncer, SCRAM", "8.4 to 9.5 ms", costs.throughBouncer(.scram)),
            ("through PgBouncer, TLS plus SCRAM", "–", costs.throughBouncer(.tlsScram)),
            ("a `SELECT 1` on a kept connection", "0.03 to 0.08 ms", costs.keptQuery),
            ("a `SELECT 1` on a kept connection, through PgBouncer", "0.08 to 0.21 ms", costs.keptQueryThroughBouncer),
        ]
        var lines = [
            "| setup | lesson 02 | yours: median / p95 | × a kept `SELECT 1` |",
            "|---|---|---|---|",
        ]
        for (name, lesson, sample) in rows {
            lines.append("| \(name) | \(lesson) | \(cell(sample)) | \(ratio(sample)) |")
        }
        let runs = costs.direct(.trust).count
        lines.append("")
        lines.append(
            "Each login is connect, `SELECT 1` and disconnect (as `pgbench -C` times it), \(runs) times per row after "
                + "one untimed run; \(costs.keptQuery.count) `SELECT 1`s on a kept connection. Servers: "
                + "\(costs.versions), on 127.0.0.1. A new connection costs "
                + "\(ratio(costs.direct(.scram))) a kept connection's query with SCRAM, "
                + "\(ratio(costs.direct(.trust))) with trust.")
        return lines.joined(separator: "\n")
    }

    /// `2.914 ms`, three decimals below 10 ms, one above.
    static func ms(_ value: Double) -> String {
        SimReport.fixed(value, value < 10 ? 3 : 1) + " ms"
    }

    /// `1,234`.
    static func grouped(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, digit) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(digit)
        }
        return (value < 0 ? "-" : "") + out
    }
}
