// Exercise 7: a thread-safe async pool.
// Lesson: Lessons/03-borrow-and-backpressure.md (and 08-timeouts). Hints: `hint async-pool` in the shell.
// Check it: `swift test --filter AsyncPool`, or `check async-pool` in the shell.
//
// Wrap a pool state machine (`ReferencePool(config: config)`, or your own from exercise 3) so that many tasks
// can borrow and release at once, in real time. Use an actor, or a class with a `Mutex` around the machine;
// either way, hand the machine one event at a time and carry out its actions without suspending in between:
// - `borrow()`: a new `RequestID`, a continuation stored for it, then `.borrowRequested`. On `.lend(c, to: r)`
//   resume r's continuation with c; on `.failBorrow(r, error)` resume it throwing the error.
// - `.openConnection`: in a task, `try await connector.open()`, then `.connectionOpened(id)` back on the pool
//   (`.connectionOpenFailed` if it throws). `.closeConnection`: `await connector.close(id)` in a task.
// - `.scheduleTimer(t, at:)`: a task that sleeps until then and delivers `.timerFired(t)` unless cancelled
//   (`.cancelTimer(t)`), so that borrow timeouts work. `now` is the time since the pool was created.
// - Cancellation: wrap the wait in `withTaskCancellationHandler`; on cancel, deliver `.borrowCancelled(r)`,
//   so the machine fails the borrow at once. A cancelled waiter must never keep its place or get a connection.
//
// The grader runs 24 tasks at once, with timeouts and cancellations, and checks at every borrow that no
// connection has two holders and that no more than maxSize are open; every borrow must end.
//
// To start, delete the `Unattempted` line at the bottom; until then this exercise's tests are skipped.

import Grading

actor AsyncPool: AsyncPoolExercise {
    init(config: PoolConfig, connector: Connector) {}

    func borrow() async throws -> ConnectionID {
        throw PoolError.shutDown
    }

    func release(_ connection: ConnectionID) {}

    var metrics: PoolMetrics { PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0) }
}

extension AsyncPool: Unattempted {}
