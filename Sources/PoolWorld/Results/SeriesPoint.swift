/// The world's gauges at one sampled instant, for charts over time.
public struct SeriesPoint: Hashable, Sendable {
    public var time: SimInstant
    /// Open connections in all pools.
    public var poolTotal: Int
    public var poolIdle: Int
    public var poolActive: Int
    public var poolWaiting: Int
    /// Backends on the server.
    public var databaseConnections: Int
    /// Queries using CPU, and cores busy.
    public var runningQueries: Int
    public var busyCores: Int
    /// Requests completed so far.
    public var completed: Int
}
