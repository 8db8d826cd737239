import PoolWorld

extension LabState {
    /// The last `load`'s figures: what a lab asks the learner to predict (a latency, a throughput, how many
    /// timed out) is a whole run's result, not the world's state at one instant.
    public static let loadMetricNames = [
        "load_requests", "load_completed", "load_timeouts", "load_errors", "load_retries", "load_p50_ms",
        "load_p99_ms", "load_mean_wait_ms", "load_throughput", "load_max_waiting", "load_db_connections",
        "load_created", "load_utilisation",
    ]

    /// Nil for an unknown name, and for every `load_*` name until a load has run in this world: no
    /// expectation on a run can hold before the run.
    func loadMetric(named name: String) -> Double? {
        guard Self.loadMetricNames.contains(name), let run = lastLoad else { return nil }
        switch name {
        case "load_requests": return Double(run.requests)
        case "load_completed": return Double(run.completed)
        case "load_timeouts": return Double(run.timedOut)
        case "load_errors": return Double(run.errored)
        case "load_retries": return Double(run.retries)
        case "load_p50_ms": return run.latency(percentile: 50).seconds * 1_000
        case "load_p99_ms": return run.latency(percentile: 99).seconds * 1_000
        case "load_mean_wait_ms": return run.meanWait.seconds * 1_000
        case "load_throughput": return run.throughputPerSecond
        case "load_max_waiting": return Double(run.maxWaiting)
        case "load_db_connections": return Double(run.maxDatabaseConnections)
        case "load_utilisation": return run.utilisation * 100
        default: return Double(run.poolCounters.reduce(0) { $0 + $1.created })
        }
    }
}
