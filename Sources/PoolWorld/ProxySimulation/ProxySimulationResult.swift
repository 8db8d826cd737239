/// What a run through the proxy measured: the run's results as any run reports them, plus the proxy's own
/// views.
public struct ProxySimulationResult: Sendable {
    /// Requests, latency percentiles, waits (in the pods and in the proxy's line), errors by text, the
    /// database's peak connections. `poolMetrics` has one entry per pod (its client connections).
    public var run: SimulationResult
    /// `SHOW POOLS` when the most clients were waiting (among the samples; empty without sampling), and at
    /// the end.
    public var busiestPools: [ShowPoolsRow]
    public var pools: [ShowPoolsRow]
    /// `SHOW STATS` at the end.
    public var stats: [ShowStatsRow]
    /// `SHOW POOLS` summed over pools at each sample.
    public var samples: [ProxySample]
    /// The most clients waiting for a server connection at once, and the longest any waited.
    public var peakClientsWaiting: Int
    public var longestWait: SimDuration
    /// Client connections the proxy accepted and refused (`max_client_conn`).
    public var clientConnections: Int
    public var refusedClientConnections: Int
    /// Server connections opened, failed logins, and the most open at once.
    public var serverConnectionsOpened: Int
    public var serverLoginsFailed: Int
    public var peakServerConnections: Int
}
