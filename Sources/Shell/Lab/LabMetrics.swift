import PoolWorld

extension LabState {
    /// The world's numbers by the names lesson `lab` blocks use in `expect` lines.
    static let metricNames =
        [
            "active", "idle", "waiting", "total", "pending", "created", "closed", "borrows", "waited", "timeouts",
            "validations_failed", "leaks_reported", "db_connections", "db_refused", "time_s",
        ] + LabState.loadMetricNames

    func metric(named name: String) -> Double? {
        if let proxy { return proxy.metric(named: name) }
        let metrics = world.poolMetrics
        let counters = world.pools.map(\.counters)
        func sum(_ value: (PoolMetrics) -> Int) -> Double { Double(metrics.reduce(0) { $0 + value($1) }) }
        func count(_ value: (PoolCounters) -> Int) -> Double { Double(counters.reduce(0) { $0 + value($1) }) }
        switch name {
        case "active": return sum(\.active)
        case "idle": return sum(\.idle)
        case "waiting": return sum(\.waiting)
        case "total": return sum(\.total)
        case "pending": return sum(\.pending)
        case "created": return count(\.created)
        case "closed": return count(\.closedTotal)
        case "borrows": return count(\.borrows)
        case "waited": return count(\.waited)
        case "timeouts": return count(\.timeouts)
        case "validations_failed": return count(\.validationsFailed)
        case "leaks_reported": return count(\.leaksReported)
        case "db_connections": return Double(world.database.connections)
        case "db_refused": return Double(world.database.refusedConnections)
        case "time_s": return world.now.sinceStart.seconds
        default: return loadMetric(named: name)
        }
    }
}
