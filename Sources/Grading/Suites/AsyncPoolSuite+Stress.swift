import PoolWorld

/// Many tasks at once: borrows, holds, returns, timeouts and cancellations on a seeded plan, with every rule
/// checked the moment it could break (at each lend, open and failure).
extension AsyncPoolSuite {
    static func stress<Pool: AsyncPoolExercise>(
        _ type: Pool.Type, _ world: AsyncPoolWorld, seed: UInt64, timeout: SimDuration?, cancelShare: Int
    ) async throws {
        let size = 3
        let tasks = 24
        let pool = world.pool(Pool.self, plain(size: size, timeout: timeout))
        let run = world.run
        let database = world.database
        var workers: [Task<Void, Never>] = []
        for task in 0..<tasks {
            var random = WorldRandom(seed: seed &+ UInt64(task))
            let name = "task \(task + 1)"
            workers.append(
                Task {
                    for _ in 0..<12 {
                        let hold = SimDuration(nanoseconds: Int64(random.below(20_000)) * 1_000)
                        if cancelShare > 0 && random.below(10) < cancelShare {
                            let attempt = Task { try await pool.borrow() }
                            await run.pass(SimDuration(nanoseconds: Int64(random.below(2_000)) * 1_000))
                            database.note("\(name) cancels its borrow")
                            attempt.cancel()
                            if let connection = try? await attempt.value {
                                database.take(connection, by: name)
                                database.give(connection)
                                await pool.release(connection)
                            }
                            continue
                        }
                        let asked = run.now
                        let connection: ConnectionID
                        do {
                            connection = try await pool.borrow()
                        } catch {
                            database.note("\(name)'s borrow failed: \(error)")
                            check(failure: error, of: name, asked: asked, at: run.now, timeout: timeout, database)
                            continue
                        }
                        database.take(connection, by: name)
                        await run.pass(hold)
                        database.give(connection)
                        await pool.release(connection)
                    }
                })
        }
        world.doing(
            "waiting for \(tasks) tasks to finish 12 borrows each (a borrow that never returns is a lost waiter: a "
                + "continuation nobody resumes, or a connection lent to a borrower that had left)")
        for worker in workers { await worker.value }
        await run.settle()
        let metrics = await pool.metrics
        guard metrics.active == 0, metrics.waiting == 0, metrics.total == database.openCount else {
            throw fail(
                "after every task returned its connection, the pool reports active=\(metrics.active), "
                    + "waiting=\(metrics.waiting), total=\(metrics.total) with \(database.openCount) connection(s) "
                    + "open: a connection went to a borrower that had left, or a waiter stayed")
        }
    }

    /// A borrow may fail only by timing out, exactly `timeout` after it asked, with the machine's error.
    private static func check(
        failure error: any Error, of name: String, asked: SimInstant, at now: SimInstant, timeout: SimDuration?,
        _ database: FakeDatabase
    ) {
        guard let timeout else {
            database.report("\(name)'s borrow failed with `\(error)` at \(now), with no timeout set")
            return
        }
        guard case .timedOut(let after, _, _, _, _, _) = error as? PoolError, after == timeout, now - asked == timeout
        else {
            database.report(
                "\(name)'s borrow asked at \(asked) and failed at \(now) with `\(error)`; with nothing cancelled it "
                    + "may fail only by timing out, \(timeout.nanoseconds / 1_000_000) ms after it asked")
            return
        }
    }
}
