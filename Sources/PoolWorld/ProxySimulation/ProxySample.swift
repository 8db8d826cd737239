/// The proxy's gauges at one sampled instant, summed over its pools: `SHOW POOLS` over time, for charts.
public struct ProxySample: Hashable, Sendable {
    public var time: SimInstant
    public var clActive: Int
    public var clWaiting: Int
    public var svActive: Int
    public var svIdle: Int
    public var svUsed: Int
    public var svTested: Int
    public var svLogin: Int
    /// The longest current wait of any pool.
    public var maxwait: SimDuration
    /// Backends the database has.
    public var databaseConnections: Int
}
