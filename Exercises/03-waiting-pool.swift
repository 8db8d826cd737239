// Exercise 3: waiting with backpressure.
// Lessons: Lessons/03-borrow-and-backpressure.md and Lessons/08-timeouts.md. Hints: `hint waiting-pool` in the shell.
// Check it: `swift test --filter WaitingPool`, or `check waiting-pool` in the shell.
//
// Start from your fixed-size pool (exercise 2): once it passes, `poolschool start waiting-pool` (or `start
// waiting-pool` in the shell) copies it here, renamed. Now a borrower that finds every connection busy waits in line:
// - Waiters are served first come, first served. A newcomer may take an idle connection only if nobody waits.
//   Lend idle connections newest first (LIFO) or oldest first (FIFO): either is right.
//   Append `.enqueue(request, position:)` when a borrower joins the line.
// - With `config.borrowTimeout` set, schedule `PoolTimer(.borrowTimeout, request: request)` at now + timeout.
//   When it fires for a borrower still waiting, fail it with HikariCP's error:
//   `.timedOut(after: waited, total: open, active: lent, idle: idle, waiting: waiters, lastConnectError: nil)`
//   (after = exactly how long it waited; waiting counts it too). Cancel the timer when a waiter is served.
// - `.borrowCancelled(request)`: a waiter gives up; take it out of line and fail it with `.cancelled` at once.
// - A timed-out or cancelled borrower must never be lent a connection afterwards (that slot would be lost).
// - Open connections only for waiters, within `maximumConnections` (config.maxSize + config.maxOverflow).
//
// The grader checks every step: one borrower per connection, the maximum, first come first served, every
// borrow answered exactly once, metrics that add up (total, idle, active, waiting, pending = opening).
//
// To start, delete the `Unattempted` line at the bottom; until then this exercise's tests are skipped.

import Grading

struct WaitingPool: PoolExercise {
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

extension WaitingPool: Unattempted {}
