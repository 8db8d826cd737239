// Exercise 6: warm-up and min idle.
// Lessons: Lessons/07-failure-modes.md and Lessons/11-configuring-pools.md. Hints: `hint warm-up` in the shell.
// Check it: `swift test --filter WarmUp`, or `check warm-up` in the shell.
//
// Start from your waiting pool (exercise 3; the same rules are graded): `poolschool start warm-up` copies it
// here, renamed. Keep the pool warm:
// - At `.start`, open `config.minIdle` connections before anyone asks: all at once, or one after another as
//   each opens (your choice; min idle must be reached before the next housekeeping).
// - Open only what is needed: one connection for each waiter that has none on its way, then up to min idle.
// - Keep idle + opening − waiting ≥ minIdle (within maxSize): refill when a connection breaks or closes, at
//   the latest at the next housekeeping (`PoolTimer(.housekeeping)` every `config.housekeepingInterval`).
// - When opening fails (`.connectionOpenFailed`) and a waiter or min idle still needs a connection, retry after
//   `config.retryDelay`, growing 1.25 times per failure in a row up to `config.maxRetryDelay`
//   (`PoolTimer(.openRetry)`); do not open again meanwhile. With nothing needed, schedule no retry.
//
// The grader checks every step: one borrower per connection, the maximum, first come first served, every
// borrow answered exactly once, metrics that add up (total, idle, active, waiting, pending = opening).
//
// To start, delete the `Unattempted` line at the bottom; until then this exercise's tests are skipped.

import Grading

struct WarmPool: PoolExercise {
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

extension WarmPool: Unattempted {}
