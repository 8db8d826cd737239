import Histogram

/// What a run measured, the way one would measure a real system.
public struct SimulationResult: Sendable {
    /// Requests that arrived; each ended exactly once as completed, timed out or errored, or was still
    /// unfinished when the run stopped (a deadlock, or the drain limit).
    public var requests: Int
    public var completed: Int
    public var timedOut: Int
    public var errored: Int
    public var unfinished: Int
    /// Requests that waited for a connection at all, and the fraction of all ended requests they are.
    public var requestsThatWaited: Int
    public var probabilityOfWaiting: Double
    /// Mean time waiting for connections, over all ended requests (zero waits included).
    public var meanWait: SimDuration
    /// Latency (arrival to completion) of completed requests, and waits of all ended requests, in nanoseconds.
    public var latency: Histogram<UInt64>
    public var waits: Histogram<UInt64>
    /// From the start to the last request's end.
    public var simulatedTime: SimDuration
    /// Completed requests per second of simulated time.
    public var throughputPerSecond: Double
    /// Time-averaged lent connections divided by the pools' base size.
    public var utilisation: Double
    /// The most borrowers waiting at once, across all pools.
    public var maxWaiting: Int
    /// The most backends the database had at once.
    public var maxDatabaseConnections: Int
    /// The database's cores busy on average, as a fraction of its cores (nil with unlimited cores).
    public var databaseCPUUtilisation: Double?
    /// Little's law, measured: L (time-averaged requests in the system), λ (arrival rate), W (mean time in
    /// the system); and the same for waiting borrowers (Lq, Wq).
    public var littlesLaw: LittlesLaw
    /// Retries made (extra attempts).
    public var retries: Int
    /// Error texts and how often each ended a request (timeouts included, without the pool's momentary
    /// `(total=…, waiting=…)` so that one kind of error counts as one).
    public var errorsByMessage: [String: Int]
    /// Leak reports the pools made.
    public var leaksReported: Int
    /// Each pool's gauges at the end.
    public var poolMetrics: [PoolMetrics]
    /// The reference pools' counters (empty for other pool types).
    public var poolCounters: [PoolCounters]
    /// The database at the end.
    public var database: DatabaseStats
    /// Gauges over time, when the run sampled them.
    public var series: [SeriesPoint]
    /// Every event, when the run recorded a trace.
    public var trace: [TraceEvent]
    /// Broken pool contracts found by the invariant checker (when it was on).
    public var violations: [InvariantViolation]

    /// A latency percentile (0…100) of completed requests.
    public func latency(percentile: Double) -> SimDuration {
        SimDuration(nanoseconds: Int64(latency.valueAtPercentile(percentile)))
    }
}

/// Little's law, L = λW, with each side measured independently.
public struct LittlesLaw: Hashable, Sendable {
    /// Time-averaged number of requests in the system.
    public var meanInSystem: Double
    /// Requests per second that arrived.
    public var arrivalRate: Double
    /// Mean time a request spent in the system, in seconds.
    public var meanTimeInSystem: Double
    /// Time-averaged number of waiting borrowers.
    public var meanWaiting: Double
    /// Mean wait per request, in seconds.
    public var meanWaitTime: Double

    /// λ·W, to compare with L.
    public var predictedInSystem: Double { arrivalRate * meanTimeInSystem }
    /// λ·Wq, to compare with Lq.
    public var predictedWaiting: Double { arrivalRate * meanWaitTime }
}
