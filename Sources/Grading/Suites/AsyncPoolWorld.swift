import PoolWorld
import Synchronization

/// One check's world for exercise 7: virtual time, the fake database, and the borrows the grader makes.
final class AsyncPoolWorld: Sendable {
    let run: VirtualRun
    let database: FakeDatabase
    /// What the grader is doing, for a run that gets stuck.
    let step = Shared("starting")

    init(run: VirtualRun, database: FakeDatabase) {
        self.run = run
        self.database = database
    }

    func pool<Pool: AsyncPoolExercise>(_ type: Pool.Type, _ config: PoolConfig) -> Pool {
        Pool(config: config, connector: database.connector)
    }

    /// Starts a borrow in a task of its own; the connection it gets is marked as held by `name`.
    func borrow(_ pool: some AsyncPoolExercise, _ name: String) -> BorrowProbe {
        BorrowProbe(name: name, pool: pool, world: self)
    }

    func doing(_ what: String) {
        step.update { $0 = what }
    }

    /// Lets virtual time pass, checking `condition` at each millisecond; true once it holds.
    func within(_ limit: SimDuration, until condition: () async -> Bool) async -> Bool {
        let deadline = run.now + limit
        while run.now < deadline {
            await run.settle()
            if await condition() { return true }
            await run.pass(.milliseconds(1))
        }
        return await condition()
    }
}

/// A borrow the grader made, and how it ended.
final class BorrowProbe: Sendable {
    enum Outcome: Sendable {
        case got(ConnectionID, at: SimInstant)
        case failed(PoolError?, text: String, at: SimInstant)
    }

    let name: String
    let asked: SimInstant
    private let world: AsyncPoolWorld
    private let ending = Shared<Outcome?>(nil)
    private let task: Task<Void, Never>

    init(name: String, pool: some AsyncPoolExercise, world: AsyncPoolWorld) {
        self.name = name
        self.world = world
        asked = world.run.now
        world.database.note("\(name) asks for a connection")
        let ending = ending
        task = Task {
            do {
                let connection = try await pool.borrow()
                world.database.take(connection, by: name)
                ending.update { $0 = .got(connection, at: world.run.now) }
            } catch {
                world.database.note("\(name)'s borrow failed: \(error)")
                ending.update { $0 = .failed(error as? PoolError, text: "\(error)", at: world.run.now) }
            }
        }
    }

    var outcome: Outcome? { ending.value }

    var ended: Bool { outcome != nil }

    var connection: ConnectionID? {
        if case .got(let connection, _) = outcome { return connection }
        return nil
    }

    func cancel() {
        world.database.note("\(name) is cancelled")
        task.cancel()
    }

    /// `got c1 at t=0.051s` or `failed with … at t=0.051s`.
    var summary: String {
        switch outcome {
        case .got(let connection, let at): "got \(connection) at \(at)"
        case .failed(_, let text, let at): "failed at \(at) with `\(text)`"
        case nil: "has not returned"
        }
    }
}
