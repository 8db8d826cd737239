import PoolWorld

/// The suite of exercise 7: the learner's async pool, run on virtual time.
///
/// Every task of a check (the grader's and the pool's) runs on one thread, one job at a time, and time moves
/// only when all of them wait (`VirtualRun`). So the checks are deterministic, sleep for no real time, cannot
/// be starved on a busy one-core machine, and can say exactly when something happened: a timeout must end
/// the borrow 50 ms after it asked, not about then.
public enum AsyncPoolSuite {
    public static func suite<Pool: AsyncPoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        ExerciseSuite(
            exercise: GradedExercise.asyncPool.name,
            checks: [
                check(
                    "one borrower per connection, never above the maximum, with 24 tasks at once", number: 1, maximum: 3
                ) {
                    try await stress(Pool.self, $0, seed: 10_001, timeout: nil, cancelShare: 0)
                },
                check("waiters are served in the order they asked", number: 2) { try await order(Pool.self, $0) },
                check("an aged pool lends its idle connection again, validating it when the machine asks", number: 3) {
                    try await reuse(Pool.self, $0)
                },
                check("a borrow times out borrowTimeout after it asked, with the machine's error unchanged", number: 4)
                {
                    try await timeout(Pool.self, $0)
                },
                check(
                    "a failed open fails the borrow with the database's error", number: 5,
                    refusals: [1: .passwordAuthenticationFailed(user: "app")]
                ) { try await openFailure(Pool.self, $0) },
                check("a cancelled waiter is failed at once and its place is not lost", number: 6) {
                    try await cancellation(Pool.self, $0)
                },
                check(
                    "a waiter cancelled as a connection comes back does not take the connection with it", number: 7,
                    maximum: 3
                ) { try await cancelledWhileServed(Pool.self, $0) },
                check(
                    "24 tasks with timeouts and cancellations: every borrow ends, nothing leaks", number: 8, maximum: 3
                ) {
                    try await stress(Pool.self, $0, seed: 80_001, timeout: .milliseconds(30), cancelShare: 3)
                },
            ])
    }

    struct Failure: Error {
        var message: String
    }

    /// A check that runs `body` in virtual time against a fresh fake database, twice: the two runs must go
    /// step for step alike, or the pool depends on something outside its clock. Being deterministic, the seed
    /// of its `number` (check 3: 30001) replays it exactly.
    static func check(
        _ name: String, number: Int, maximum: Int = 1, refusals: [Int: DatabaseError] = [:],
        _ body: @escaping @Sendable (AsyncPoolWorld) async throws -> Void
    ) -> Check {
        let seed = SeedPlan.seeds(check: number, cases: 1)[0]
        return Check(name: name) { _ in
            let first = attempt(maximum: maximum, refusals: refusals, body)
            var (message, trace) = (first.message, first.trace)
            if message == nil {
                let second = attempt(maximum: maximum, refusals: refusals, body)
                if second.message != nil || second.fingerprint != first.fingerprint {
                    let how = second.message.map { "the second failed: " + $0 } ?? "both passed"
                    message =
                        "two runs of this check went differently (\(how)): your pool depends on something outside "
                        + "`connector.clock`, such as `Task.sleep`, `ContinuousClock`, `Date`, random numbers or the main actor"
                    trace = second.trace
                }
            }
            guard let message else { return CheckResult(name: name, passed: true, cases: 1) }
            let last = "INVARIANT VIOLATED: " + (message.split(separator: "\n").first ?? "")
            return CheckResult(
                name: name, passed: false, message: message, seed: seed, trace: trace + [last], cases: 1)
        }
    }

    /// One run of a check: its failure (nil if it passed), its last steps, and a fingerprint of all of them.
    static func attempt(
        maximum: Int, refusals: [Int: DatabaseError], _ body: @escaping @Sendable (AsyncPoolWorld) async throws -> Void
    ) -> (message: String?, trace: [String], fingerprint: UInt64) {
        let run = VirtualRun()
        let database = FakeDatabase(on: run, maximum: maximum, refusals: refusals)
        let world = AsyncPoolWorld(run: run, database: database)
        let failure = Shared<String?>(nil)
        let ending = run.run(stop: { database.problem != nil }) {
            do {
                try await body(world)
            } catch let caught as Failure {
                failure.update { $0 = caught.message }
            } catch {
                failure.update { $0 = "unexpected error: \(error)" }
            }
        }
        let message: String? =
            switch ending {
            case _ where database.problem != nil: database.problem
            case .finished, .stopped: failure.value
            case .stuck:
                "every task is waiting and nothing is scheduled, so nothing more can happen, while the grader "
                    + "was \(world.step.value): a borrow, release or metrics call never returned. Look for a "
                    + "continuation nobody resumes, or a wait on anything but `connector.clock`."
            case .overtime:
                "ten minutes of virtual time passed while the grader was \(world.step.value), and it never ended: "
                    + "a borrow, release or metrics call never returned, though your pool's timers kept firing."
            case .busy:
                "your pool kept running without ever waiting, while the grader was \(world.step.value): a loop "
                    + "of `Task.yield()` or of new tasks. Wait on a continuation or on `connector.clock` instead."
            }
        return (message, database.trace, database.fingerprint)
    }

    static func fail(_ message: String) -> Failure { Failure(message: message) }

    /// A borrow that must get a connection within a second of virtual time.
    static func lent(_ probe: BorrowProbe, _ world: AsyncPoolWorld) async throws -> ConnectionID {
        world.doing("waiting for \(probe.name)'s borrow")
        _ = await world.within(.seconds(1)) { probe.ended }
        guard let connection = probe.connection else {
            let outcome = probe.ended ? probe.summary : "had not returned one second later"
            throw fail(
                "\(probe.name) asked at \(probe.asked), when a connection was free or could be opened, and "
                    + "\(outcome); it should have got a connection")
        }
        return connection
    }

    /// Gives a connection back as a borrower does.
    static func give(_ connection: ConnectionID, to pool: some AsyncPoolExercise, _ world: AsyncPoolWorld) async {
        world.database.give(connection)
        world.doing("returning \(connection) with release(_:)")
        await pool.release(connection)
    }

    static func plain(size: Int, timeout: SimDuration? = nil) -> PoolConfig {
        PoolConfig.plain(size: size, borrowTimeout: timeout)
    }
}
