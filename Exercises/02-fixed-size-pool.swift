// Exercise 2: a fixed-size pool.
// Lesson: Lessons/03-borrow-and-backpressure.md. Hints: `hint fixed-size-pool` in the shell (make run).
// Check it: `swift test --filter FixedSizePool`, or `check fixed-size-pool` in the shell.
//
// Build a pool of at most `config.maxSize` connections that opens them on demand and never queues.
// It is a sans-I/O state machine, like the reference pool: `handle` receives one `PoolEvent` and appends
// the `PoolAction`s that should happen; it never sleeps, reads a clock or opens a socket.
//
// - `.borrowRequested(request)`: lend an idle connection (`.lend(connection, to: request)`). With none idle
//   but room for another (open + opening < maxSize), ask for one (`.openConnection`) and lend it to this
//   borrower when it opens. With no room, fail at once: `.failBorrow(request, .poolFull(total: open,
//   active: lent, idle: 0, waiting: waiting))`, waiting counting the others who wait for an opening connection.
// - `.connectionOpened(connection)` / `.connectionReturned(connection)`: the connection is free; the borrower
//   that has waited longest for an opening connection gets it, else it becomes idle. Lend idle connections
//   newest first (LIFO) or oldest first (FIFO): either is right.
// - `.connectionOpenFailed(_, error)`: the borrower that has waited longest for a connection fails with
//   `.connectFailed(error)`, unless a connection still on its way can serve it.
// - `.connectionClosed(connection, _)`: the connection broke (the server ended it, or the network dropped it);
//   forget it. It is not an answer to your own `.closeConnection`, which needs none.
// - `maximumConnections` (config.maxSize + config.maxOverflow) comes with `PoolExercise`: keep `config`.
// - `metrics` reports what the pool holds (total = open, idle, active = lent, waiting, pending = opening).
//
// The grader checks every step: one borrower per connection, never more than maxSize open or opening,
// borrowers served in the order they asked, every borrow answered exactly once, and metrics that add up.
//
// To start, delete the `Unattempted` line at the bottom; until then this exercise's tests are skipped.

import Grading

struct FixedSizePool: PoolExercise {
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

extension FixedSizePool: Unattempted {}
