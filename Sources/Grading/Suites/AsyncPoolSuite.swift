import Foundation
import Synchronization

/// The suite of exercise 7: the async pool under real concurrency. Interleavings are the scheduler's, so the
/// stress checks cannot be replayed step by step; their seed fixes the plan (who holds how long, who cancels),
/// and every rule is checked the moment it could break: at each borrow's return, at each open and close.
public enum AsyncPoolSuite {
    public static func suite<Pool: AsyncPoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        ExerciseSuite(
            exercise: GradedExercise.asyncPool.name,
            checks: [
                check("one borrower per connection, never above the maximum, with 24 tasks at once") { _ in
                    try await stress(Pool.self, seed: 10_001, timeout: nil, cancelShare: 0)
                },
                check("waiters are served in the order they asked") { _ in
                    try await order(Pool.self)
                },
                check("a borrow times out after borrowTimeout with PoolError.timedOut") { _ in
                    try await timeout(Pool.self)
                },
                check("a cancelled waiter is failed at once and its place is not lost") { _ in
                    try await cancellation(Pool.self)
                },
                check("24 tasks with timeouts and cancellations: every borrow ends, nothing leaks") { _ in
                    try await stress(Pool.self, seed: 50_001, timeout: .milliseconds(30), cancelShare: 3)
                },
            ])
    }

    struct Failure: Error {
        var message: String
    }

    /// Runs an async check from the grader's synchronous world, on the global executor.
    static func check(_ name: String, _ body: @escaping @Sendable (CheckOptions) async throws -> Void) -> Check {
        Check(name: name) { options in
            let outcome = Mutex<String??>(nil)
            let done = DispatchSemaphore(value: 0)
            Task {
                do {
                    try await body(options)
                    outcome.withLock { $0 = .some(nil) }
                } catch let failure as Failure {
                    outcome.withLock { $0 = .some(failure.message) }
                } catch {
                    outcome.withLock { $0 = .some("unexpected error: \(error)") }
                }
                done.signal()
            }
            done.wait()
            let message = outcome.withLock { $0 } ?? nil
            return CheckResult(name: name, passed: message == nil, message: message, cases: 1)
        }
    }

    static func config(size: Int, timeout: SimDuration?) -> PoolConfig {
        PoolConfig.plain(size: size, borrowTimeout: timeout)
    }

    // MARK: The checks

    static func stress<Pool: AsyncPoolExercise>(
        _ type: Pool.Type, seed: UInt64, timeout: SimDuration?, cancelShare: Int
    ) async throws {
        let size = 3
        let world = FakeDatabase(maximum: size)
        let pool = Pool(config: config(size: size, timeout: timeout), connector: world.connector)
        let finished = Shared(0)
        let tasks = 24
        for task in 0..<tasks {
            var random = WorldRandom(seed: seed &+ UInt64(task))
            Task {
                for _ in 0..<12 {
                    let hold = random.below(300)
                    if cancelShare > 0 && random.below(10) < cancelShare {
                        let attempt = Task { try await pool.borrow() }
                        try? await Task.sleep(for: .microseconds(random.below(2_000)))
                        attempt.cancel()
                        if let connection = try? await attempt.value {
                            world.take(connection, by: task)
                            world.give(connection, by: task)
                            await pool.release(connection)
                        }
                        continue
                    }
                    let connection: ConnectionID
                    do {
                        connection = try await pool.borrow()
                    } catch {
                        // Without a timeout or a cancellation, a borrow waits until a connection is free.
                        if timeout == nil {
                            world.report("task \(task)'s borrow failed with \(error), with no timeout set")
                        }
                        continue
                    }
                    world.take(connection, by: task)
                    try? await Task.sleep(for: .microseconds(hold))
                    world.give(connection, by: task)
                    await pool.release(connection)
                }
                finished.update { $0 += 1 }
            }
        }
        let deadline = ContinuousClock.now + .seconds(8)
        while finished.value < tasks && ContinuousClock.now < deadline {
            try await Task.sleep(for: .milliseconds(5))
            if let problem = world.problem { throw Failure(message: problem) }
        }
        if let problem = world.problem { throw Failure(message: problem) }
        let done = finished.value
        guard done == tasks else {
            throw Failure(
                message: "\(tasks - done) of \(tasks) tasks never finished: some borrow was never resumed (a lost "
                    + "waiter: a continuation nobody resumes, or a connection lent to a borrower that had left)")
        }
        try await Task.sleep(for: .milliseconds(20))
        let metrics = await pool.metrics
        guard metrics.active == 0, metrics.waiting == 0 else {
            throw Failure(
                message: "after every task returned its connection, the pool reports active=\(metrics.active), "
                    + "waiting=\(metrics.waiting): a connection went to a borrower that had left, or a waiter stayed")
        }
    }

    static func order<Pool: AsyncPoolExercise>(_ type: Pool.Type) async throws {
        let world = FakeDatabase(maximum: 1)
        let pool = Pool(config: config(size: 1, timeout: nil), connector: world.connector)
        let first = try await pool.borrow()
        let served = Shared<[Int]>([])
        for waiter in 1...4 {
            Task {
                guard let connection = try? await pool.borrow() else { return }
                served.update { $0.append(waiter) }
                await pool.release(connection)
            }
            try await until("waiter \(waiter) joins the line (metrics.waiting == \(waiter))") {
                await pool.metrics.waiting == waiter
            }
        }
        await pool.release(first)
        try await until("all four waiters are served") { served.value.count == 4 }
        let order = served.value
        guard order == [1, 2, 3, 4] else {
            throw Failure(
                message:
                    "waiters asked in the order 1, 2, 3, 4 but were served \(order.map(String.init).joined(separator: ", ")): "
                    + "serve the line first come, first served")
        }
    }

    static func timeout<Pool: AsyncPoolExercise>(_ type: Pool.Type) async throws {
        let world = FakeDatabase(maximum: 1)
        let pool = Pool(config: config(size: 1, timeout: .milliseconds(50)), connector: world.connector)
        let held = try await pool.borrow()
        let started = ContinuousClock.now
        let ended = Shared(false)
        let attempt = Task {
            defer { ended.update { $0 = true } }
            return try await pool.borrow()
        }
        do {
            try await until("the second borrow ends", within: .seconds(2)) { ended.value }
        } catch {
            throw Failure(
                message: "a borrow waited 2 s against a 50 ms borrow timeout and never failed: the pool never "
                    + "times out (schedule the machine's timers with Task.sleep and deliver timerFired)")
        }
        do {
            let connection = try await attempt.value
            throw Failure(message: "the second borrow got \(connection) while the only connection was held")
        } catch let error as PoolError {
            let waited = ContinuousClock.now - started
            guard error.isTimeout, waited >= .milliseconds(50) else {
                throw Failure(message: "the borrow failed after \(waited) with \(error); expected a timeout at 50 ms")
            }
        }
        await pool.release(held)
    }

    static func cancellation<Pool: AsyncPoolExercise>(_ type: Pool.Type) async throws {
        let world = FakeDatabase(maximum: 1)
        let pool = Pool(config: config(size: 1, timeout: nil), connector: world.connector)
        let held = try await pool.borrow()
        let ended = Shared(false)
        let waiter = Task {
            defer { ended.update { $0 = true } }
            return try await pool.borrow()
        }
        try await until("the waiter joins the line (metrics.waiting == 1)") { await pool.metrics.waiting == 1 }
        waiter.cancel()
        do {
            try await until("the cancelled borrow ends", within: .seconds(1)) { ended.value }
        } catch {
            throw Failure(
                message: "a waiting borrower's task was cancelled, and its borrow never returned: the waiter was "
                    + "lost (deliver .borrowCancelled, and resume its continuation by throwing)")
        }
        if let connection = try? await waiter.value {
            throw Failure(message: "a cancelled waiter was lent \(connection) while another task held it")
        }
        await pool.release(held)
        let next = Task { try await pool.borrow() }
        let nextEnded = Shared(false)
        Task {
            _ = try? await next.value
            nextEnded.update { $0 = true }
        }
        do {
            try await until("the next borrower gets the connection", within: .seconds(1)) {
                nextEnded.value
            }
        } catch {
            throw Failure(
                message: "after a waiter was cancelled and the connection returned, the next borrower never got it: "
                    + "the cancelled waiter kept its place in line, or was handed the connection")
        }
        if let connection = try? await next.value { await pool.release(connection) }
    }

    /// Polls `condition` every millisecond; fails naming `what` if it does not hold in time.
    static func until(
        _ what: String, within limit: Duration = .seconds(2), _ condition: () async -> Bool
    ) async throws {
        let deadline = ContinuousClock.now + limit
        while ContinuousClock.now < deadline {
            if await condition() { return }
            try await Task.sleep(for: .milliseconds(1))
        }
        throw Failure(message: "timed out waiting until \(what)")
    }
}

/// The grader's side of exercise 7: the connections that exist, who holds each, and the first broken rule.
final class FakeDatabase: Sendable {
    private struct State {
        var next: Int32 = 0
        var open: Set<ConnectionID> = []
        var holders: [ConnectionID: Int] = [:]
        var problem: String?
    }

    private let state = Mutex(State())
    let maximum: Int

    init(maximum: Int) {
        self.maximum = maximum
    }

    var problem: String? { state.withLock { $0.problem } }

    var connector: Connector {
        Connector(
            open: { [self] in
                try await Task.sleep(for: .milliseconds(1))
                return state.withLock { state in
                    state.next += 1
                    let connection = ConnectionID(state.next)
                    state.open.insert(connection)
                    if state.open.count > maximum, state.problem == nil {
                        state.problem =
                            "\(state.open.count) connections were open at once; the maximum is \(maximum) (two tasks "
                            + "both saw room and opened: make the check and the count one step, on the actor or "
                            + "under the lock)"
                    }
                    return connection
                }
            },
            close: { [self] connection in
                state.withLock { _ = $0.open.remove(connection) }
            })
    }

    func take(_ connection: ConnectionID, by task: Int) {
        state.withLock { state in
            if let holder = state.holders[connection], state.problem == nil {
                state.problem = "\(connection) was lent to task \(task) while task \(holder) still held it"
            }
            if !state.open.contains(connection), state.problem == nil {
                state.problem = "\(connection) was lent to task \(task), but it is not an open connection"
            }
            state.holders[connection] = task
        }
    }

    func report(_ problem: String) {
        state.withLock { state in
            if state.problem == nil { state.problem = problem }
        }
    }

    func give(_ connection: ConnectionID, by task: Int) {
        state.withLock { _ = $0.holders.removeValue(forKey: connection) }
    }
}

/// A value shared between tasks, behind a lock.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    var value: Value { mutex.withLock { $0 } }

    func update(_ change: (inout Value) -> Void) {
        mutex.withLock { change(&$0) }
    }
}
