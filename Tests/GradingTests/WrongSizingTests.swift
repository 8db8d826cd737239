import Grading
import Testing

@testable import Solutions

/// Exercise 1's edges: slips that agree with the formula on most inputs fail on the cases the lessons care
/// about (zero demand, a product that is already whole, a pool that keeps up).
@Suite struct WrongSizingTests {
    @Test func roundingUpByAddingOneFailsOnAWholeProduct() {
        let report = SizingSuite.suite(AddsOneToRoundUp.self).run()
        let failure = report.failed.first { $0.name.hasPrefix("startingPoolSize") }
        // 3.2 × 2.5 is exactly 8 in floating point, the first whole product among the worked cases.
        #expect(failure?.message?.contains("demand: 3.2, burstFactor: 2.5) returned 9, expected 8") == true)
    }

    @Test func forgettingTheFloorOfOneFailsOnZeroDemand() {
        let report = SizingSuite.suite(NoFloorOfOne.self).run()
        let failure = report.failed.first { $0.name.hasPrefix("startingPoolSize") }
        #expect(failure?.message?.contains("demand: 0.0, burstFactor: 2.0) returned 0, expected 1") == true)
    }

    @Test func aNegativeQueueFailsWhenThePoolKeepsUp() {
        let report = SizingSuite.suite(NegativeQueue.self).run()
        let failure = report.failed.first { $0.name.hasPrefix("queueGrowth") }
        #expect(failure?.message?.contains("or 0 when the pool keeps up") == true)
    }
}

/// The reference's formulas, one of which each wrong sizing below replaces.
protocol SizingSlip: SizingExercise {}

extension SizingSlip {
    static func setupShare(setup: Double, query: Double) -> Double { Sizing.setupShare(setup: setup, query: query) }
    static func hardwareRule(cores: Int, spindles: Int) -> Int { Sizing.hardwareRule(cores: cores, spindles: spindles) }
    static func connectionsNeeded(ratePerSecond: Double, holdSeconds: Double) -> Double {
        Sizing.connectionsNeeded(ratePerSecond: ratePerSecond, holdSeconds: holdSeconds)
    }
    static func perInstanceBudget(safeTotal: Int, reserved: Int, instances: Int) -> Int {
        Sizing.perInstanceBudget(safeTotal: safeTotal, reserved: reserved, instances: instances)
    }
    static func startingPoolSize(budget: Int, demand: Double, burstFactor: Double) -> Int {
        Sizing.startingPoolSize(budget: budget, demand: demand, burstFactor: burstFactor)
    }
    static func throughputCeiling(poolSize: Int, holdSeconds: Double) -> Double {
        Sizing.throughputCeiling(poolSize: poolSize, holdSeconds: holdSeconds)
    }
    static func queueGrowth(arrivalRate: Double, poolSize: Int, holdSeconds: Double, seconds: Double) -> Double {
        Sizing.queueGrowth(arrivalRate: arrivalRate, poolSize: poolSize, holdSeconds: holdSeconds, seconds: seconds)
    }
    static func deadlockFreePoolSize(threads: Int, connectionsPerThread: Int) -> Int {
        Sizing.deadlockFreePoolSize(threads: threads, connectionsPerThread: connectionsPerThread)
    }
    static func fleetConnections(maxSize: Int, instances: Int) -> Int {
        Sizing.fleetConnections(maxSize: maxSize, instances: instances)
    }
}

/// Rounds up as `Int(x) + 1`: right for 8.000…1, wrong for exactly 10.
enum AddsOneToRoundUp: SizingSlip {
    static func startingPoolSize(budget: Int, demand: Double, burstFactor: Double) -> Int {
        min(budget, max(1, Int(demand * burstFactor) + 1))
    }
}

/// Forgets that a pool has at least one connection.
enum NoFloorOfOne: SizingSlip {
    static func startingPoolSize(budget: Int, demand: Double, burstFactor: Double) -> Int {
        min(budget, Int((demand * burstFactor).rounded(.up)))
    }
}

/// Lets the queue shrink below zero when the pool keeps up.
enum NegativeQueue: SizingSlip {
    static func queueGrowth(arrivalRate: Double, poolSize: Int, holdSeconds: Double, seconds: Double) -> Double {
        (arrivalRate - Double(poolSize) / holdSeconds) * seconds
    }
}
