extension ProxyEngine {
    /// `SHOW POOLS` now.
    var showPools: [ShowPoolsRow] { proxy.showPools(at: SimInstant(nanoseconds: now)) }

    mutating func takeSample() {
        let rows = showPools
        let sample = ProxySample(
            time: SimInstant(nanoseconds: now), clActive: rows.reduce(0) { $0 + $1.clActive },
            clWaiting: rows.reduce(0) { $0 + $1.clWaiting }, svActive: rows.reduce(0) { $0 + $1.svActive },
            svIdle: rows.reduce(0) { $0 + $1.svIdle }, svUsed: rows.reduce(0) { $0 + $1.svUsed },
            svTested: rows.reduce(0) { $0 + $1.svTested }, svLogin: rows.reduce(0) { $0 + $1.svLogin },
            maxwait: rows.map(\.longestWait).max() ?? .zero, databaseConnections: database.serverConnections)
        samples.append(sample)
        let servers = PoolMetrics(
            total: sample.svActive + sample.svIdle + sample.svUsed + sample.svTested,
            idle: sample.svIdle + sample.svUsed,
            active: sample.svActive, waiting: sample.clWaiting, pending: 0)
        series.append(SeriesPoint(at: now, pools: servers, database: database, completed: recorder.completed))
        if sample.clWaiting > measures.busiestWaiting {
            measures.busiestWaiting = sample.clWaiting
            measures.busiestPools = rows
        }
        if let interval = scenario.options.sampleInterval, !(workload.finished && liveRequests == 0) {
            agenda.schedule(.sample, at: now + interval.nanoseconds)
        }
    }

    /// The run's measurements.
    mutating func result() -> ProxySimulationResult {
        let capacity = (0..<proxy.poolCount).reduce(0) { $0 + proxy.poolName(Int32($1)).size }
        let podMetrics = pods.map {
            PoolMetrics(
                total: $0.open, idle: $0.free.count, active: $0.open - $0.free.count, waiting: $0.waiting.count,
                pending: 0)
        }
        let run = SimulationResult(
            closing: &recorder, database: &database, at: now, capacity: capacity, poolMetrics: podMetrics,
            poolCounters: [], series: series, trace: traceLog.events, violations: violations)
        return ProxySimulationResult(
            run: run, busiestPools: measures.busiestPools, pools: showPools, stats: proxy.showStats, samples: samples,
            peakClientsWaiting: measures.peakClientsWaiting,
            longestWait: SimDuration(nanoseconds: measures.longestWait),
            clientConnections: measures.clientsOpened, refusedClientConnections: measures.clientsRefused,
            serverConnectionsOpened: measures.serversOpened, serverLoginsFailed: measures.serverLoginsFailed,
            peakServerConnections: measures.peakServers)
    }
}
