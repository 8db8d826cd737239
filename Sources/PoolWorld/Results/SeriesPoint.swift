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

    public init(
        time: SimInstant, poolTotal: Int, poolIdle: Int, poolActive: Int, poolWaiting: Int, databaseConnections: Int,
        runningQueries: Int, busyCores: Int, completed: Int
    ) {
        self.time = time
        self.poolTotal = poolTotal
        self.poolIdle = poolIdle
        self.poolActive = poolActive
        self.poolWaiting = poolWaiting
        self.databaseConnections = databaseConnections
        self.runningQueries = runningQueries
        self.busyCores = busyCores
        self.completed = completed
    }
}
