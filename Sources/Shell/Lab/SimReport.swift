import PoolWorld

/// Renders a `SimulationResult` for `poolschool sim`: a readable summary or the documented JSON.
public enum SimReport {
    /// The JSON keys, in order; `wall_ms` is the only one that differs between identical runs.
    public static func json(_ result: SimulationResult, wallMilliseconds: Double) -> String {
        let fields: [(String, String)] = [
            ("requests", "\(result.requests)"),
            ("completed", "\(result.completed)"),
            ("timed_out", "\(result.timedOut)"),
            ("errors", "\(result.errored)"),
            ("p_wait", number(result.probabilityOfWaiting)),
            ("mean_wait_ms", number(result.meanWait.milliseconds)),
            ("p50_ms", number(result.latency(percentile: 50).milliseconds)),
            ("p95_ms", number(result.latency(percentile: 95).milliseconds)),
            ("p99_ms", number(result.latency(percentile: 99).milliseconds)),
            ("throughput_per_s", number(result.throughputPerSecond)),
            ("utilisation", number(result.utilisation)),
            ("max_waiting", "\(result.maxWaiting)"),
            ("max_db_connections", "\(result.maxDatabaseConnections)"),
            ("wall_ms", number(wallMilliseconds)),
        ]
        return "{" + fields.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}"
    }

    public static func text(_ result: SimulationResult, scenario: Scenario, wallMilliseconds: Double) -> String {
        var lines: [String] = []
        let ended = "completed \(result.completed), timed out \(result.timedOut), errors \(result.errored)"
        lines.append(
            "requests     \(result.requests): \(ended)"
                + (result.unfinished > 0 ? ", unfinished \(result.unfinished)" : ""))
        lines.append(
            "waiting      p_wait \(fixed(result.probabilityOfWaiting, 4)), mean wait \(fixed(result.meanWait.milliseconds, 3)) ms, max waiting \(result.maxWaiting)"
        )
        lines.append(
            "latency      p50 \(ms(result, 50)) ms, p95 \(ms(result, 95)) ms, p99 \(ms(result, 99)) ms")
        lines.append(
            "throughput   \(fixed(result.throughputPerSecond, 1))/s, pool utilisation \(fixed(result.utilisation, 3)), "
                + "max db connections \(result.maxDatabaseConnections)")
        if let cpu = result.databaseCPUUtilisation {
            lines.append("database     CPU \(fixed(cpu * 100, 1))% busy")
        }
        if result.retries > 0 { lines.append("retries      \(result.retries) extra attempts") }
        if result.database.refusedConnections > 0 {
            lines.append("database     refused \(result.database.refusedConnections) logins")
        }
        if result.leaksReported > 0 { lines.append("leaks        \(result.leaksReported) reported") }
        for (message, count) in result.errorsByMessage.sorted(by: { $0.value > $1.value }).prefix(3) {
            lines.append("error        \(count)× \(message)")
        }
        if let theory = erlangC(scenario) {
            lines.append(
                "Erlang C     p_wait \(fixed(theory.probabilityOfWaiting, 4)), mean wait \(fixed(theory.meanWait.milliseconds, 3)) ms "
                    + "(M/M/\(theory.servers), load \(fixed(theory.offeredLoad, 2)))")
        }
        lines.append(
            "time         \(fixed(result.simulatedTime.seconds, 1)) s simulated in \(fixed(wallMilliseconds, 1)) ms")
        return lines.joined(separator: "\n")
    }

    /// The textbook prediction, when the run is an M/M/c queue: Poisson arrivals, exponential holds, a warm
    /// pool, no timeout, plain holds, one instance.
    static func erlangC(_ scenario: Scenario) -> ErlangC? {
        guard scenario.warmStart, scenario.instances == 1, scenario.pool.borrowTimeout == nil,
            case .poisson(let rate) = scenario.workload.arrivals, scenario.workload.mix.count == 1,
            case .hold(.exponential(let mean))? = scenario.workload.mix[0].script.steps.first
        else { return nil }
        let theory = ErlangC(servers: scenario.pool.maxSize, arrivalRate: rate, meanHold: mean)
        return theory.isStable ? theory : nil
    }

    private static func ms(_ result: SimulationResult, _ percentile: Double) -> String {
        fixed(result.latency(percentile: percentile).milliseconds, 3)
    }

    /// A JSON number: finite, no exponent surprises for the values we print.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "null" }
        return fixed(value, 6)
    }

    /// `value` with `decimals` decimals, trailing zeros trimmed (no Foundation formatting needed).
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let units = (abs(value) * scale).rounded()
        guard units < 9e18 else { return String(value) }
        let whole = Int64(units) / Int64(scale)
        var fraction = String(Int64(units) % Int64(scale))
        while fraction.count < decimals { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        let sign = value < 0 && units != 0 ? "-" : ""
        return sign + String(whole) + (fraction.isEmpty ? "" : "." + fraction)
    }
}
