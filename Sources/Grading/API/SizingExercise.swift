import PoolWorld

/// Exercise 1: the course's arithmetic as functions, one per formula the lessons teach.
///
/// Durations are in seconds and rates per second, as plain `Double`s; connection counts are `Int`s.
public protocol SizingExercise: SendableMetatype {
    /// The share of an unpooled request's time spent opening its connection: setup / (setup + query).
    /// Lesson 02-connection-cost.
    static func setupShare(setup: Double, query: Double) -> Double

    /// The hardware rule of thumb: cores × 2 + effective spindles. Lesson 04-sizing-formulas.
    static func hardwareRule(cores: Int, spindles: Int) -> Int

    /// Little's law: connections busy on average = request rate × hold time. Lesson 04-sizing-formulas.
    static func connectionsNeeded(ratePerSecond: Double, holdSeconds: Double) -> Double

    /// The per-instance budget: (safe total − reserved) / instances, rounded down (a fraction of a connection
    /// cannot be used). Lesson 05-budget-and-demand.
    static func perInstanceBudget(safeTotal: Int, reserved: Int, instances: Int) -> Int

    /// The starting pool: the demand times the burst factor, rounded up, at least 1, and never above the budget.
    /// Lesson 05-budget-and-demand ("choose the smaller").
    static func startingPoolSize(budget: Int, demand: Double, burstFactor: Double) -> Int

    /// The throughput ceiling: pool size / hold time, in operations per second. Lesson 06-throughput-ceilings.
    static func throughputCeiling(poolSize: Int, holdSeconds: Double) -> Double

    /// How long the queue grows when arrivals exceed the ceiling: (arrival rate − ceiling) × seconds, or 0 when
    /// the pool keeps up. Lesson 06-throughput-ceilings.
    static func queueGrowth(arrivalRate: Double, poolSize: Int, holdSeconds: Double, seconds: Double) -> Double

    /// HikariCP's pool-locking rule: Tn × (Cm − 1) + 1 connections, for `threads` threads that each hold up to
    /// `connectionsPerThread` at once. Lesson 11-configuring-pools.
    static func deadlockFreePoolSize(threads: Int, connectionsPerThread: Int) -> Int

    /// The most connections a fleet can open: max size × instances. Lessons 10-proxy-pooling and
    /// 11-configuring-pools.
    static func fleetConnections(maxSize: Int, instances: Int) -> Int
}
