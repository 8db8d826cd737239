import PoolWorld

/// The single-borrower scenarios of exercise 7: each sets up one situation the stub's rules speak of and
/// compares what the pool did with what the rules say, to the nanosecond and to the error's last field.
extension AsyncPoolSuite {
    static func order<Pool: AsyncPoolExercise>(_ type: Pool.Type, _ world: AsyncPoolWorld) async throws {
        let pool = world.pool(Pool.self, plain(size: 1))
        var held = try await lent(world.borrow(pool, "the first borrower"), world)
        var waiters: [BorrowProbe] = []
        for number in 1...4 {
            waiters.append(world.borrow(pool, "waiter \(number)"))
            await world.run.settle()
            let waiting = await pool.metrics.waiting
            guard waiting == number else {
                throw fail("with \(number) borrower(s) waiting for the only connection, metrics say waiting=\(waiting)")
            }
        }
        for (index, waiter) in waiters.enumerated() {
            await give(held, to: pool, world)
            await world.run.settle()
            let served = waiters.filter(\.ended).map(\.name)
            guard served == waiters[...index].map(\.name), let connection = waiter.connection else {
                throw fail(
                    "waiters asked in the order 1, 2, 3, 4; when the connection came back for the \(index + 1). "
                        + "time, these had returned: \(served.isEmpty ? "none" : served.joined(separator: ", ")). "
                        + "Serve the line first come, first served, at once.")
            }
            held = connection
        }
        await give(held, to: pool, world)
    }

    static func reuse<Pool: AsyncPoolExercise>(_ type: Pool.Type, _ world: AsyncPoolWorld) async throws {
        var config = plain(size: 1)
        config.validation = .onBorrow(ifIdleFor: .milliseconds(500))
        let pool = world.pool(Pool.self, config)
        await world.run.pass(.seconds(1))
        let first = try await lent(world.borrow(pool, "the first borrower"), world)
        await give(first, to: pool, world)
        await world.run.pass(.seconds(2))
        let second = world.borrow(pool, "the second borrower")
        world.doing("waiting for a borrow of a connection that must be validated first")
        _ = await world.within(.seconds(1)) { second.ended }
        guard second.ended else {
            throw fail(
                "\(first) sat idle for 2 s, so the machine validates it before lending it again (it asks with "
                    + "`.validate(\(first), for: request)`), and the borrow never returned: answer `.validate` with "
                    + "`.validationSucceeded(connection)` (the grader's connections never break)")
        }
        guard second.connection == first, world.database.opened == 1 else {
            throw fail(
                "the second borrower \(second.summary) after \(first) came back and sat idle, and "
                    + "\(world.database.opened) connection(s) were opened; the idle \(first) should have been lent again"
            )
        }
        await give(first, to: pool, world)
    }

    static func timeout<Pool: AsyncPoolExercise>(_ type: Pool.Type, _ world: AsyncPoolWorld) async throws {
        let limit = SimDuration.milliseconds(50)
        let pool = world.pool(Pool.self, plain(size: 1, timeout: limit))
        // The pool ages first: a timer scheduled "at" an instant must wait only for the time left.
        await world.run.pass(.seconds(1))
        let held = try await lent(world.borrow(pool, "the holder"), world)
        await world.run.pass(.milliseconds(10))
        let waiter = world.borrow(pool, "the waiter")
        world.doing("waiting for a borrow to time out")
        _ = await world.within(.seconds(3)) { waiter.ended }
        let expected = PoolError.timedOut(after: limit, total: 1, active: 1, idle: 0, waiting: 1, lastConnectError: nil)
        switch waiter.outcome {
        case nil:
            throw fail(
                "a borrow waited 3 s against a 50 ms borrow timeout and never failed: the pool never times out "
                    + "(for `.scheduleTimer(t, at: instant)`, sleep with `connector.clock.sleep(until: instant)` in a "
                    + "task, then deliver `.timerFired(t)` unless `.cancelTimer(t)` came first)")
        case .got(let connection, _):
            throw fail("the waiter got \(connection) while the only connection was held by the holder")
        case .failed(let error, let text, let at):
            guard at - waiter.asked == limit else {
                throw fail(
                    "the borrow asked at \(waiter.asked) and failed at \(at), \((at - waiter.asked).nanoseconds / 1_000_000) ms "
                        + "later; borrowTimeout is 50 ms from when it asked. Hand the machine `connector.clock.now`, "
                        + "and sleep until the timer's instant (`clock.sleep(until: instant)`), not for its whole value"
                )
            }
            guard error == expected else {
                throw fail("the borrow failed with `\(text)`; the machine's error is `\(expected)`: throw it unchanged")
            }
        }
        await give(held, to: pool, world)
    }

    static func openFailure<Pool: AsyncPoolExercise>(_ type: Pool.Type, _ world: AsyncPoolWorld) async throws {
        let refusal = DatabaseError.passwordAuthenticationFailed(user: "app")
        var config = plain(size: 1)
        config.failBorrowOnConnectError = true
        let pool = world.pool(Pool.self, config)
        let first = world.borrow(pool, "the first borrower")
        world.doing("waiting for a borrow whose open fails")
        _ = await world.within(.seconds(1)) { first.ended }
        let expected = PoolError.connectFailed(refusal)
        guard case .failed(let error, _, _) = first.outcome, error == expected else {
            throw fail(
                "the database refused the first open (`connector.open()` threw `\(refusal)`), and the borrow "
                    + "\(first.summary); it must fail with `\(expected)`: deliver `.connectionOpenFailed(ConnectionID(0), "
                    + "error)` with the very DatabaseError that open() threw, and throw the machine's error unchanged")
        }
        let second = try await lent(world.borrow(pool, "the next borrower"), world)
        await give(second, to: pool, world)
    }

    static func cancellation<Pool: AsyncPoolExercise>(_ type: Pool.Type, _ world: AsyncPoolWorld) async throws {
        let pool = world.pool(Pool.self, plain(size: 1))
        let held = try await lent(world.borrow(pool, "the holder"), world)
        let waiter = world.borrow(pool, "the waiter")
        await world.run.settle()
        let cancelledAt = world.run.now
        waiter.cancel()
        world.doing("waiting for a cancelled waiter's borrow to end")
        await world.run.settle()
        if !waiter.ended {
            let late = await world.within(.seconds(1)) { waiter.ended }
            throw fail(
                late
                    ? "the waiter was cancelled at \(cancelledAt) and its borrow \(waiter.summary), not at once"
                    : "a waiting borrower's task was cancelled, and its borrow never returned: the waiter was lost "
                        + "(in `withTaskCancellationHandler`'s onCancel, deliver `.borrowCancelled(request)` and "
                        + "resume the continuation with the machine's `.failBorrow`)")
        }
        guard case .failed(let error, _, _) = waiter.outcome, error == .cancelled else {
            throw fail("the cancelled waiter \(waiter.summary); the machine fails it with `\(PoolError.cancelled)`")
        }
        let waiting = await pool.metrics.waiting
        guard waiting == 0 else { throw fail("after the only waiter was cancelled, metrics say waiting=\(waiting)") }
        await give(held, to: pool, world)
        let next = world.borrow(pool, "the next borrower")
        _ = await world.within(.seconds(1)) { next.ended }
        guard next.connection == held else {
            throw fail(
                "after a waiter was cancelled and \(held) came back, the next borrower \(next.summary): the cancelled "
                    + "waiter kept its place in line, or was handed the connection")
        }
        await give(held, to: pool, world)
        // A borrow whose task is already cancelled throws at once, without asking: the connection stays idle.
        let early = world.borrow(pool, "a borrower cancelled before it asked")
        early.cancel()
        world.doing("waiting for a borrow whose task was already cancelled")
        _ = await world.within(.seconds(1)) { early.ended }
        guard case .failed(let error, _, _) = early.outcome, error == .cancelled else {
            if let connection = early.connection { await give(connection, to: pool, world) }
            throw fail(
                "a borrow whose task was already cancelled \(early.summary); it throws `\(PoolError.cancelled)` "
                    + "without asking the machine (check `Task.isCancelled` before registering the borrow)")
        }
    }

    /// Cancelled just after, just before (in the same step), and well before the connection comes back:
    /// whichever way the race goes, the connection must not be lost.
    static func cancelledWhileServed<Pool: AsyncPoolExercise>(
        _ type: Pool.Type, _ world: AsyncPoolWorld
    ) async throws {
        for order in 0..<3 {
            let pool = world.pool(Pool.self, plain(size: 1))
            let held = try await lent(world.borrow(pool, "the holder"), world)
            let waiter = world.borrow(pool, "the waiter")
            await world.run.settle()
            let when = ["just after \(held) came back", "as \(held) came back", "before \(held) came back"][order]
            world.database.note("(the waiter is to be cancelled \(when), with a fresh pool)")
            if order > 0 { waiter.cancel() }
            if order == 2 { await world.run.settle() }
            world.database.give(held)
            await pool.release(held)
            if order == 0 { waiter.cancel() }
            world.doing("waiting for a waiter cancelled \(when)")
            _ = await world.within(.seconds(1)) { waiter.ended }
            guard waiter.ended else { throw fail("a waiter cancelled \(when) never returned from borrow()") }
            // A borrow that returned a connection holds it, cancelled or not, and gives it back.
            if let connection = waiter.connection { await give(connection, to: pool, world) }
            let next = world.borrow(pool, "the next borrower")
            _ = await world.within(.seconds(1)) { next.ended }
            guard next.connection == held else {
                throw fail(
                    "a waiter was cancelled \(when) and its borrow \(waiter.summary); then the next borrower "
                        + "\(next.summary): \(held) was lost, lent to a borrower that had already given up")
            }
            await give(held, to: pool, world)
            let metrics = await pool.metrics
            guard metrics.active == 0, metrics.waiting == 0 else {
                throw fail(
                    "a waiter was cancelled \(when); once every connection was back, metrics say "
                        + "active=\(metrics.active), waiting=\(metrics.waiting)")
            }
        }
    }
}
