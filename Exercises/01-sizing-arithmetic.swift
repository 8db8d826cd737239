// Exercise 1: the course's arithmetic, as functions.
// Lessons: 02-connection-cost, 04-sizing-formulas, 05-budget-and-demand, 06-throughput-ceilings,
// 11-configuring-pools. Hints: `hint sizing-arithmetic` in the shell (make run).
// Check it: `swift test --filter SizingArithmetic`, or `check sizing-arithmetic` in the shell.
//
// Fill in each formula. Durations are in seconds and rates per second (`Double`); connection counts are `Int`.
// Each function's documentation (in Sources/Grading/API/SizingExercise.swift) gives the formula and its lesson:
//   setupShare = setup / (setup + query)                       connectionsNeeded = rate × hold (Little's law)
//   hardwareRule = cores × 2 + spindles                        perInstanceBudget = (safe − reserved) / instances
//   startingPoolSize = min(budget, max(1, ⌈demand × burst⌉))   throughputCeiling = pool size / hold
//   queueGrowth = max(0, rate − ceiling) × seconds             deadlockFreePoolSize = Tn × (Cm − 1) + 1
//   fleetConnections = max size × instances
//
// The grader tries each lesson's worked example, then 200 random inputs per formula.
//
// To start, delete the `Unattempted` line at the bottom; until then this exercise's tests are skipped.

import Grading

enum Sizing: SizingExercise {
    static func setupShare(setup: Double, query: Double) -> Double { 0 }

    static func hardwareRule(cores: Int, spindles: Int) -> Int { 0 }

    static func connectionsNeeded(ratePerSecond: Double, holdSeconds: Double) -> Double { 0 }

    static func perInstanceBudget(safeTotal: Int, reserved: Int, instances: Int) -> Int { 0 }

    static func startingPoolSize(budget: Int, demand: Double, burstFactor: Double) -> Int { 0 }

    static func throughputCeiling(poolSize: Int, holdSeconds: Double) -> Double { 0 }

    static func queueGrowth(arrivalRate: Double, poolSize: Int, holdSeconds: Double, seconds: Double) -> Double { 0 }

    static func deadlockFreePoolSize(threads: Int, connectionsPerThread: Int) -> Int { 0 }

    static func fleetConnections(maxSize: Int, instances: Int) -> Int { 0 }
}

extension Sizing: Unattempted {}
