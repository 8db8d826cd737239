// Exercise 4: leak detection.
// Lesson: Lessons/07-failure-modes.md. Hints: `hint leak-detection` in the shell (make run).
// Check it: `swift test --filter LeakDetection`, or `check leak-detection` in the shell.
//
// Start from your waiting pool (exercise 3; the same rules are graded): `poolschool start leak-detection` copies
// it here, renamed. Add HikariCP's leak detection:
// - With `config.leakDetectionThreshold` set, when a connection is lent schedule a timer for that lease,
//   e.g. `PoolTimer(.leakDetection, connection: c, generation: n)` with a new n per lease.
// - If it fires while the same lease goes on, append `.reportLeak(c, borrower: r, heldFor: now - lentAt)`:
//   exactly at the threshold, once per lease.
// - Never take the connection back: reporting is all leak detection does (no close, no lending it again).
// - When a reported connection is returned (or breaks), append `.reportUnleaked(c, heldFor:)`; cancel the
//   timer of a lease that ends before the threshold.
//
// The grader checks every step: one borrower per connection, the maximum, first come first served, every
// borrow answered exactly once, metrics that add up (total, idle, active, waiting, pending = opening).
//
// To start, delete the `Unattempted` line at the bottom; until then this exercise's tests are skipped.

import Grading

struct LeakDetectingPool: PoolExercise {
    let config: PoolConfig

    init(config: PoolConfig, seed: UInt64) {
        self.config = config
    }

    var metrics: PoolMetrics {
        PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0)
    }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        // Your code here.
    }
}

extension LeakDetectingPool: Unattempted {}
