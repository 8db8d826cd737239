/// How a run is observed; everything here is off by default to keep the hot path fast.
public struct RunOptions: Hashable, Sendable {
    /// Keep every event as a `TraceEvent` (costs a string per event).
    public var recordTrace = false
    /// Sample the gauges this often, for charts; nil: no series.
    public var sampleInterval: SimDuration?
    /// Check the pool contract on every action and collect violations.
    public var checkInvariants = false
    /// Once no more requests will arrive, wait at most this long for the last ones to finish; and stop
    /// whenever requests are in flight but none has started, got a connection or ended for this long (clients
    /// deadlocked on each other). What is still running then is reported as unfinished.
    public var drainLimit = SimDuration.minutes(60)

    public init() {}
}

/// Everything a run needs: the database, the pool (one per app instance), the workload and the seed.
public struct Scenario: Hashable, Sendable {
    public var database = DatabaseConfig()
    public var pool = PoolConfig()
    /// App instances, each with its own pool like `pool`, all against the one database (a fleet).
    public var instances = 1
    public var workload: Workload
    /// The seed for every random choice; the same seed replays the same run, event for event.
    public var seed: UInt64 = 1
    /// The pools' initial connections open at time zero at no cost (a pool that has been running for a while).
    public var warmStart = false
    public var options = RunOptions()

    public init(workload: Workload) {
        self.workload = workload
    }

    /// Problems that make this scenario unusable, each a full sentence; empty when it is fine.
    public var problems: [String] {
        var found = pool.problems + workload.problems
        if instances < 1 { found.append("a fleet needs at least one app instance, got \(instances)") }
        if let cores = database.cores, cores < 1 { found.append("the database needs at least one core, got \(cores)") }
        if database.maxConnections < 1 { found.append("max_connections must be at least 1") }
        if let interval = options.sampleInterval, interval <= .zero {
            found.append("the sample interval must be above zero")
        }
        return found
    }
}
