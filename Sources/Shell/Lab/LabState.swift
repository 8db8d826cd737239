import PoolWorld

/// The lab's world and settings. Settings survive `lab reset` and are changed by `config`; the world is
/// rebuilt from them whenever they change.
final class LabState {
    private(set) var scenario: LabScenario
    var pool: PoolConfig
    var database: DatabaseConfig
    var instances = 1
    var seed: UInt64 = 1
    private(set) var world: ReferenceWorld
    /// Gauges sampled as the clock moves, for `stats`' sparkline and the chart after a burst.
    private(set) var samples: [SeriesPoint] = []
    /// Set while the lab is a PgBouncer world (`lab fan-in`, …); the pool commands then explain where to go.
    var proxy: ProxyLabState?
    /// The last burst: where its trace starts and how many requests it sent, until they have all ended.
    var burstStart: (traceIndex: Int, count: Int)?
    private var nextBorrower = 1
    /// The events of the scenario's demonstration, kept for `events` after the world is fresh again.
    var demoTrace: [String] = []
    /// Set while the demonstration runs: trace lines are kept for `events` instead of printed.
    var collectingDemoTrace = false
    /// The trace's length when the world was last made fresh: nothing has happened while it is the same.
    private(set) var freshTraceCount = 0
    /// The last `load` run in this world, for the `load_*` metrics a lesson's lab checks; a fresh world has none.
    var lastLoad: SimulationResult?

    init(scenario: LabScenario) {
        let settings = scenario.settings
        self.scenario = scenario
        (pool, database, instances) = (settings.pool, settings.database, settings.instances)
        world = LabState.makeWorld(settings, seed: 1)
        freshen()
    }

    /// A fresh world of `scenario` with its own settings.
    func start(_ scenario: LabScenario) {
        let settings = scenario.settings
        proxy = nil
        self.scenario = scenario
        (pool, database, instances) = (settings.pool, settings.database, settings.instances)
        rebuild()
    }

    /// A fresh world with the current settings.
    func rebuild() {
        world = LabState.makeWorld(LabSettings(pool: pool, database: database, instances: instances), seed: seed)
        freshen()
    }

    /// Forgets what the previous world showed. The warm start's own events are not news to the learner.
    private func freshen() {
        _ = try? world.advance(by: .zero)
        freshTraceCount = world.trace.count
        samples = []
        if !collectingDemoTrace { demoTrace = [] }  // A demonstration may change settings as it goes.
        burstStart = nil
        lastLoad = nil
        nextBorrower = 1
        sample()
    }

    static func makeWorld(_ settings: LabSettings, seed: UInt64) -> ReferenceWorld {
        var scenario = Scenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        scenario.database = settings.database
        scenario.pool = settings.pool
        scenario.instances = settings.instances
        scenario.seed = seed
        // A pool that keeps idle connections has had them for a while when the learner arrives.
        scenario.warmStart = settings.pool.minIdle > 0
        return ReferenceWorld(scenario: scenario) { index in
            ReferencePool(config: settings.pool, seed: Simulation.poolSeed(seed, index))
        }
    }

    /// The scenario settings a `load` starts from.
    var baseScenario: Scenario {
        var scenario = Scenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        scenario.database = database
        scenario.pool = pool
        scenario.instances = instances
        scenario.seed = seed
        return scenario
    }

    /// `b1`, `b2`, … for borrowers the learner did not name.
    func freshBorrowerName() -> String {
        let taken = Set(world.borrowerSummary.map(\.name))
        while taken.contains("b\(nextBorrower)") { nextBorrower += 1 }
        defer { nextBorrower += 1 }
        return "b\(nextBorrower)"
    }

    /// Moves the clock in up to 200 steps, sampling the gauges after each, so charts have a shape.
    func advance(by duration: SimDuration) throws(InputError) -> [TraceEvent] {
        let steps = max(1, min(200, Int(duration.nanoseconds / 1_000_000)))
        var events: [TraceEvent] = []
        var done = SimDuration.zero
        for step in 1...steps {
            let target = SimDuration(nanoseconds: duration.nanoseconds * Int64(step) / Int64(steps))
            events += try world.advance(by: target - done)
            done = target
            sample()
        }
        return events
    }

    /// Records the gauges now.
    func sample() {
        let metrics = world.poolMetrics
        let database = world.database
        samples.append(
            SeriesPoint(
                time: world.now, poolTotal: metrics.reduce(0) { $0 + $1.total },
                poolIdle: metrics.reduce(0) { $0 + $1.idle }, poolActive: metrics.reduce(0) { $0 + $1.active },
                poolWaiting: metrics.reduce(0) { $0 + $1.waiting }, databaseConnections: database.connections,
                runningQueries: database.runningQueries, busyCores: database.busyCores, completed: 0))
        if samples.count > 2_000 { samples.removeFirst(samples.count - 2_000) }
    }
}

/// What a scenario sets up.
struct LabSettings: Sendable {
    var pool = PoolConfig()
    var database = DatabaseConfig()
    var instances = 1

    init(pool: PoolConfig = PoolConfig(), database: DatabaseConfig = DatabaseConfig(), instances: Int = 1) {
        self.pool = pool
        self.database = database
        self.instances = instances
    }
}
