// Exercise 7: a thread-safe async pool.
// Lesson: Lessons/03-borrow-and-backpressure.md (and 08-timeouts). Hints: `hint async-pool` in the shell.
// Check it: `swift test --filter AsyncPool`, or `check async-pool` in the shell.
//
// Wrap a pool state machine (`ReferencePool(config: config)`, or your own from exercise 3) so that many tasks
// can borrow and release at once. Use an actor of your own (not the main actor), or a class with a `Mutex`
// around the machine; either way, hand the machine one event at a time, with `connector.clock.now` as its
// `at:`, and carry out its actions without suspending in between:
// - `borrow()`: a new `RequestID`, a continuation stored for it, then `.borrowRequested`. On `.lend(c, to: r)`
//   resume r's continuation with c; on `.failBorrow(r, error)` resume it throwing that `PoolError` unchanged.
// - `.openConnection`: in a task, `try await connector.open()`, then `.connectionOpened(id)` back on the pool.
//   When the database refuses, `open()` throws a `DatabaseError`, its only error type (catch it as one with
//   `do throws(DatabaseError) { … } catch { … }`): deliver `.connectionOpenFailed(error)`, and the machine fails
//   or retries the borrow with that very error.
// - `.closeConnection(id, _)`: `await connector.close(id)` in a task. `.validate(c, for: _)`: deliver
//   `.validationSucceeded(c)` (the grader's connections never break). `.enqueue` and the leak reports need
//   nothing.
// - `.scheduleTimer(t, at: instant)`: a task that runs `try await connector.clock.sleep(until: instant)` and
//   then delivers `.timerFired(t)`, unless `.cancelTimer(t)` cancelled it (or a newer `.scheduleTimer(t, …)`
//   replaced it) first; the sleep throws once its task is cancelled. Sleep until the instant, not for it.
// - Cancellation: wrap the wait in `withTaskCancellationHandler`; on cancel, deliver `.borrowCancelled(r)` on the
//   pool, so the machine fails the borrow at once (`PoolError.cancelled`). A borrow whose task is already
//   cancelled throws `PoolError.cancelled` without asking. A cancelled waiter must never keep its place, and a
//   connection lent to it just as it gave up must not be lost (returning it from `borrow()` is fine: the
//   caller gives it back).
//
// Time: the grader runs your pool on a virtual clock that moves only when every task waits, so timeouts are
// exact to the nanosecond. Read it with `connector.clock.now` (a `SimInstant`) and wait with
// `connector.clock.sleep(until:)` or `sleep(for:)`. Conversions: `Duration(someSimDuration)` and
// `SimDuration(someDuration)`; `clock.instant(after: someDuration)` is a deadline, `clock.duration(until: instant)`
// the time left. `Task.sleep`, `ContinuousClock` and `Date` measure real time, which the grader does not see.
//
// The grader checks, at every lend, open and failure: no connection has two holders, no more than maxSize are
// open, waiters are served in order, a timeout ends a borrow exactly borrowTimeout after it asked (also in a
// pool that has been running a while), errors are the machine's, and every borrow ends, with 24 tasks at once.
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
