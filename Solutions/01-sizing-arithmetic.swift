import Grading

// Reference solution for Exercises/01-sizing-arithmetic.swift (lessons 02, 04, 05, 06, 10 and 11).

/// The course's sizing formulas.
enum Sizing: SizingExercise {
    static func setupShare(setup: Double, query: Double) -> Double {
        setup / (setup + query)
    }

    static func hardwareRule(cores: Int, spindles: Int) -> Int {
        cores * 2 + spindles
    }

    static func connectionsNeeded(ratePerSecond: Double, holdSeconds: Double) -> Double {
        ratePerSecond * holdSeconds
    }

    static func perInstanceBudget(safeTotal: Int, reserved: Int, instances: Int) -> Int {
        (safeTotal - reserved) / instances
    }

    static func startingPoolSize(budget: Int, demand: Double, burstFactor: Double) -> Int {
        let wanted = Int((demand * burstFactor).rounded(.up))
        return min(budget, max(1, wanted))
    }

    static func throughputCeiling(poolSize: Int, holdSeconds: Double) -> Double {
        Double(poolSize) / holdSeconds
    }

    static func queueGrowth(arrivalRate: Double, poolSize: Int, holdSeconds: Double, seconds: Double) -> Double {
        max(0, arrivalRate - throughputCeiling(poolSize: poolSize, holdSeconds: holdSeconds)) * seconds
    }

    static func deadlockFreePoolSize(threads: Int, connectionsPerThread: Int) -> Int {
        threads * (connectionsPerThread - 1) + 1
    }

    static func fleetConnections(maxSize: Int, instances: Int) -> Int {
        maxSize * instances
    }
}
