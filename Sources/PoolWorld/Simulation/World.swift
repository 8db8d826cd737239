/// The simulated world, driven one command at a time: what the lab in the shell runs on.
///
/// Named borrowers take and return connections, run SQL on them, or forget them (a leak); the clock moves
/// only when asked (`advance(by:)`), or while a query runs. Every command returns the events it caused, each of
/// which prints as one line, e.g. `t=0.018s c1 opened (tcp 1ms, tls 6.3ms, auth 9ms, backend 1.7ms)`. A scenario's
/// workload, if it has one, runs in the background as time advances.
///
/// Not thread-safe: one caller drives it, like a REPL.
public final class World<Pool: ConnectionPoolStateMachine> {
    var engine: Engine<Pool>
    /// Lab borrowers by name, with their request slots.
    private var borrowers: [String: Int32] = [:]
    private var shown = TraceCursor()

    /// A world running `scenario` with pools made by `makePool`.
    public init(scenario: Scenario, pools makePool: (Int) -> Pool) {
        engine = Engine(
            scenario: scenario, pools: (0..<max(1, scenario.instances)).map(makePool), traceAlways: true)
        engine.run(until: 0)
    }

    /// The current virtual time.
    public var now: SimInstant { SimInstant(nanoseconds: engine.now) }

    /// Everything that has happened so far.
    public var trace: [TraceEvent] { engine.traceLog.events }

    /// Each pool's gauges.
    public var poolMetrics: [PoolMetrics] { engine.pools.map(\.metrics) }

    /// The pools themselves, to read their counters.
    public var pools: [Pool] { engine.pools }

    /// The database's gauges.
    public var database: DatabaseStats { engine.database.stats }

    /// Broken pool contracts found so far.
    public var violations: [InvariantViolation] { engine.violations }

    /// Lab borrowers and what they hold: `a → c1`, `b → waiting`.
    public var borrowerSummary: [(name: String, connection: String?)] {
        borrowers.keys.sorted().map { name in
            let slot = borrowers[name] ?? -1
            let held = engine.heldConnection(slot).map { engine.connectionName($0.pool, $0.connection) }
            return (name, held)
        }
    }

    /// The session state of the connection `name` holds (what the next borrower would inherit).
    public func session(of name: String) throws(InputError) -> SessionState {
        let (pool, connection) = try held(by: name)
        let ref = engine.books[Int(pool)].connections[Int(connection)].backend
        return engine.database.backend(ref)?.session ?? SessionState()
    }

    // MARK: Commands

    /// `name` asks pool `pool` (0 unless the world has a fleet) for a connection.
    public func borrow(_ name: String, pool: Int = 0) throws(InputError) -> [TraceEvent] {
        guard !name.isEmpty, !name.contains(" ") else {
            throw InputError("a borrower needs a one-word name, e.g. borrow a")
        }
        if let slot = borrowers[name], engine.requests[Int(slot)].live {
            let state = engine.heldConnection(slot).map { "holds \(engine.connectionName($0.pool, $0.connection))" }
            throw InputError(
                "\"\(name)\" already \(state ?? "waits for a connection"); release it first or choose another name")
        }
        guard pool >= 0, pool < engine.pools.count else {
            throw InputError("there is no pool \(pool + 1); this world has \(engine.pools.count)")
        }
        borrowers[name] = engine.manualBorrow(name: name, pool: Int32(pool))
        return settle()
    }

    /// `name` returns its connection.
    public func release(_ name: String) throws(InputError) -> [TraceEvent] {
        let slot = try live(name)
        guard engine.heldConnection(slot) != nil else {
            throw InputError("\"\(name)\" is still waiting for a connection; advance the clock until it has one")
        }
        engine.manualRelease(slot)
        borrowers[name] = nil
        return settle()
    }

    /// `name` forgets its connection without returning it: a leak. The pool still counts it as lent.
    public func leak(_ name: String) throws(InputError) -> [TraceEvent] {
        let (pool, connection) = try held(by: name)
        engine.note(.leaked(request: name, connection: engine.connectionName(pool, connection)))
        borrowers[name] = nil
        return settle()
    }

    /// Runs `sql` on the connection `name` holds, advancing the clock until the result arrives (at most
    /// `limit`; a statement blocked on a lock may never finish).
    public func query(_ name: String, _ sql: String, limit: SimDuration = .minutes(60)) throws(InputError)
        -> [TraceEvent]
    {
        let slot = try live(name)
        let (pool, connection) = try held(by: name)
        guard !engine.isBusy(pool, connection) else {
            throw InputError("\"\(name)\" is still running a statement; advance the clock until it finishes")
        }
        let statement: SQLStatement
        do {
            statement = try SQLStatement(parsing: sql)
        } catch {
            // The server would answer a malformed statement with an error; so does the lab, without a round trip.
            engine.note(
                .statement(
                    request: name, connection: engine.connectionName(pool, connection), sql: sql,
                    result: error.description, took: .zero))
            return settle()
        }
        engine.manualResults[slot] = nil
        engine.runStatement(statement, pool, connection)
        let deadline = engine.now + limit.nanoseconds
        while engine.manualResults[slot] == nil, engine.requests[Int(slot)].live {
            guard engine.step(before: deadline) else { break }
        }
        return settle()
    }

    /// Moves the clock forward by `duration`, running everything that happens meanwhile.
    public func advance(by duration: SimDuration) throws(InputError) -> [TraceEvent] {
        try engine.advanceClock(by: duration)
        return settle()
    }

    /// `count` requests running `script` arrive at once, each borrowing, working and returning by itself.
    public func burst(_ count: Int, script: RequestScript) throws(InputError) -> [TraceEvent] {
        guard count >= 1 else { throw InputError("a burst needs at least one request, got \(count)") }
        let index = engine.workload.addScript(script)
        engine.startRequests(count: count, script: index)
        return settle()
    }

    /// Requests still in the world (lab borrowers included).
    public var liveRequests: Int { engine.liveRequests }

    /// Injects a fault.
    public func inject(_ fault: Fault) throws(InputError) -> [TraceEvent] {
        if let problem = engine.inject(fault) { throw InputError(problem) }
        return settle()
    }

    /// The result of the last statement `name` ran, if any.
    public func lastResult(of name: String) -> StatementResult? {
        borrowers[name].flatMap { engine.manualResults[$0] }
    }

    // MARK: Helpers

    /// Runs what happens at the current instant, forgets borrowers whose borrow failed, and returns the new
    /// trace lines.
    private func settle() -> [TraceEvent] {
        engine.run(until: engine.now)
        for (name, slot) in borrowers where !engine.requests[Int(slot)].live {
            borrowers[name] = nil
        }
        return shown.newEvents(in: engine.traceLog)
    }

    private func live(_ name: String) throws(InputError) -> Int32 {
        guard let slot = borrowers[name], engine.requests[Int(slot)].live else {
            let known = borrowers.keys.sorted()
            let list =
                known.isEmpty
                ? "there are none; start with borrow \(name)" : "borrowers: " + known.joined(separator: ", ")
            throw InputError("no borrower named \"\(name)\" (\(list))")
        }
        return slot
    }

    private func held(by name: String) throws(InputError) -> (pool: Int32, connection: Int32) {
        let slot = try live(name)
        guard let held = engine.heldConnection(slot) else {
            throw InputError("\"\(name)\" is still waiting for a connection; advance the clock until it has one")
        }
        return held
    }
}

/// The lab's usual world: the reference pool.
public typealias ReferenceWorld = World<ReferencePool>

extension World where Pool == ReferencePool {
    /// A world with one reference pool configured by `pool`, against a database configured by `database`, and
    /// no background workload.
    public convenience init(
        database: DatabaseConfig = DatabaseConfig(), pool: PoolConfig = PoolConfig(), seed: UInt64 = 1
    ) {
        var scenario = Scenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        scenario.database = database
        scenario.pool = pool
        scenario.seed = seed
        self.init(scenario: scenario) { index in ReferencePool(config: pool, seed: Simulation.poolSeed(seed, index)) }
    }
}
