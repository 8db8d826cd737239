extension SimulationResult {
    /// What a run measured, in any world: the recorder's books closed at `now`, and the database's CPU brought
    /// up to then. `capacity` is how many connections the run's pools may lend at once (the utilisation's
    /// denominator); `poolMetrics` and `poolCounters` are the world's own.
    init(
        closing recorder: inout ResultsRecorder, database: inout Database, at now: Int64, capacity: Int,
        poolMetrics: [PoolMetrics], poolCounters: [PoolCounters], series: [SeriesPoint], trace: [TraceEvent],
        violations: [InvariantViolation]
    ) {
        recorder.close(at: now)
        database.cpu.advance(to: now)
        let span = Double(max(now, 1))
        let seconds = span / 1e9
        let ended = recorder.completed + recorder.timedOut + recorder.errored
        let cpuShare = database.config.cores.map { database.cpu.busyCoreNanoseconds / (span * Double($0)) }
        let little = LittlesLaw(
            meanInSystem: recorder.inSystemArea / span,
            arrivalRate: Double(recorder.requests) / seconds,
            meanTimeInSystem: ended > 0 ? Double(recorder.totalSojourn) / Double(ended) / 1e9 : 0,
            meanWaiting: recorder.waitingArea / span,
            meanWaitTime: ended > 0 ? Double(recorder.totalWait) / Double(ended) / 1e9 : 0)
        self.init(
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
            errorsByMessage: recorder.errorsByMessage, leaksReported: recorder.leaksReported,
            poolMetrics: poolMetrics, poolCounters: poolCounters, database: database.stats, series: series,
            trace: trace, violations: violations)
    }
}

extension SeriesPoint {
    /// A sample of the gauges now: the pools' (or the proxy's server connections'), the database's, and the
    /// requests completed so far.
    init(at now: Int64, pools: PoolMetrics, database: Database, completed: Int) {
        self.init(
            time: SimInstant(nanoseconds: now), poolTotal: pools.total, poolIdle: pools.idle, poolActive: pools.active,
            poolWaiting: pools.waiting, databaseConnections: database.serverConnections,
            runningQueries: database.cpu.active, busyCores: database.cpu.busyCores, completed: completed)
    }
}
