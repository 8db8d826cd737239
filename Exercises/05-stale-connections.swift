// Exercise 5: stale connections.
// Lesson: Lessons/09-validation-and-lifetimes.md. Hints: `hint stale-connections` in the shell (make run).
// Check it: `swift test --filter StaleConnections`, or `check stale-connections` in the shell.
//
// Start from your waiting pool (exercise 3; the same rules are graded): `poolschool start stale-connections`
// copies it here, renamed. Keep connections fresh:
// - Validation on borrow: with `config.validation == .onBorrow(ifIdleFor: w)`, a connection that sat idle
//   for w or longer (and idle at all: not one returned, opened or pinged this very instant) is pinged before it
//   is lent: `.validate(c, for: request)`. On `.validationSucceeded(c)` lend it to that borrower; on
//   `.validationFailed(c, _)` close it (`.closeConnection(c, .validationFailed)`) and serve that borrower next,
//   before anyone who asked after it. A borrower whose connection is being pinged may still give up or time
//   out (its timeout error counts it as waiting, and its connection as active).
// - Max lifetime: when a connection opens, schedule its end at lifetime × (1 − jitter), the jitter drawn in
//   [0, config.lifetimeJitter) from `WorldRandom(seed: seed)`. Close it then if idle (`.maxLifetime`); if it
//   is lent, close it when it comes back. Never lend a connection past its lifetime.
// - Idle timeout: with `config.idleTimeout`, run housekeeping every `config.housekeepingInterval`
//   (`PoolTimer(.housekeeping)`, first scheduled at `.start`) and close connections idle that long
//   (`.idleTimeout`), longest idle first, but never below `config.minIdle` idle connections.
//
// The grader checks every step: one borrower per connection, the maximum, first come first served, every
// borrow answered exactly once, metrics that add up (total, idle, active, waiting, pending = opening).
//
// To start, delete the `Unattempted` line at the bottom; until then this exercise's tests are skipped.

import Grading

struct FreshPool: PoolExercise {
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

extension FreshPool: Unattempted {}
