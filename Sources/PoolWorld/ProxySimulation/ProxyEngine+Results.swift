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
        series.append(
            SeriesPoint(
                time: sample.time, poolTotal: sample.svActive + sample.svIdle + sample.svUsed + sample.svTested,
                poolIdle: sample.svIdle + sample.svUsed, poolActive: sample.svActive, poolWaiting: sample.clWaiting,
                databaseConnections: database.serverConnections, runningQueries: database.cpu.active,
                busyCores: database.cpu.busyCores, completed: recorder.completed))
        if sample.clWaiting > measures.busiestWaiting {
            measures.busiestWaiting = sample.clWaiting
            measures.busiestPools = rows
        }
        if let interval = scenario.options.sampleInterval, !(workloadFinished && liveRequests == 0) {
            queue.schedule(.sample, at: now + interval.nanoseconds)
        }
    }

    /// The run's measurements.
    mutating func result() -> ProxySimulationResult {
        recorder.close(at: now)
        database.cpu.advance(to: now)
        let span = Double(max(now, 1))
        let seconds = span / 1e9
        let ended = recorder.completed + recorder.timedOut + recorder.errored
        let cpuShare = database.config.cores.map { database.cpu.busyCoreNanoseconds / (span * Double($0)) }
        let capacity = (0..<proxy.poolCount).reduce(0) { $0 + proxy.poolName(Int32($1)).size }
        let little = LittlesLaw(
            meanInSystem: recorder.inSystemArea / span, arrivalRate: Double(recorder.requests) / seconds,
            meanTimeInSystem: ended > 0 ? Double(recorder.totalSojourn) / Double(ended) / 1e9 : 0,
            meanWaiting: recorder.waitingArea / span,
            meanWaitTime: ended > 0 ? Double(recorder.totalWait) / Double(ended) / 1e9 : 0)
        let podMetrics = pods.map {
            PoolMetrics(
                total: $0.open, idle: $0.free.count, active: $0.open - $0.free.count, waiting: $0.waiting.count,
                pending: 0)
        }
        let run = SimulationResult(
            requests: recorder.requests, completed: recorder.completed, timedOut: recorder.timedOut,
            errored: recorder.errored, unfinished: recorder.requests - ended,
            requestsThatWaited: recorder.requestsThatWaited,
            probabilityOfWaiting: ended > 0 ? Double(recorder.requestsThatWaited) / Double(ended) : 0,
            meanWait: SimDuration(nanoseconds: ended > 0 ? recorder.totalWait / Int64(ended) : 0),
            latency: recorder.latency, waits: recorder.waits, simulatedTime: SimDuration(nanoseconds: now),
            throughputPerSecond: Double(recorder.completed) / seconds,
            utilisation: capacity > 0 ? recorder.lentArea / span / Double(capacity) : 0,
            maxWaiting: recorder.maxWaiting, maxDatabaseConnections: database.peakServerConnections,
            databaseCPUUtilisation: cpuShare, littlesLaw: little, retries: recorder.retries,
            errorsByMessage: recorder.errorsByMessage, leaksReported: 0, poolMetrics: podMetrics, poolCounters: [],
            database: database.stats, series: series, trace: traceLog.events, violations: violations)
        return ProxySimulationResult(
            run: run, busiestPools: measures.busiestPools, pools: showPools, stats: proxy.showStats, samples: samples,
            peakClientsWaiting: measures.peakClientsWaiting,
            longestWait: SimDuration(nanoseconds: measures.longestWait),
            clientConnections: measures.clientsOpened, refusedClientConnections: measures.clientsRefused,
            serverConnectionsOpened: measures.serversOpened, serverLoginsFailed: measures.serverLoginsFailed,
            peakServerConnections: measures.peakServers)
    }
}
