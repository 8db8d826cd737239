/// Runs a scenario from start to finish: the entry point for `poolschool sim`, lessons and tests.
public enum Simulation {
    /// Runs `scenario` with the reference pool in every app instance.
    public static func run(_ scenario: Scenario) -> SimulationResult {
        var engine = Engine(scenario: scenario, pools: referencePools(scenario))
        engine.runToCompletion()
        return engine.result()
    }

    /// Runs `scenario` with pools made by `makePool` (called once per app instance with its index), so a
    /// learner's pool runs in exactly the world the reference pool does.
    public static func run<Pool: ConnectionPoolStateMachine>(
        _ scenario: Scenario, pools makePool: (Int) -> Pool
    ) -> SimulationResult {
        var engine = Engine(scenario: scenario, pools: (0..<max(1, scenario.instances)).map(makePool))
        engine.runToCompletion()
        return engine.result()
    }

    /// Runs `scenario` with the reference pool, calling `proceed` with the requests started so far every few
    /// thousand events; when it returns false the run stops there and reports what it measured (the lab's
    /// Ctrl-C and progress bar).
    ///
    /// Named apart from `run(_:pools:)`: with a trailing closure the two would read alike at the call site.
    public static func runInterruptibly(_ scenario: Scenario, proceed: (_ started: Int) -> Bool) -> SimulationResult {
        var engine = Engine(scenario: scenario, pools: referencePools(scenario))
        engine.runToCompletion(every: 8_192, proceed: proceed)
        return engine.result()
    }

    @available(*, deprecated, renamed: "runInterruptibly(_:proceed:)")
    public static func run(_ scenario: Scenario, proceed: (_ started: Int) -> Bool) -> SimulationResult {
        runInterruptibly(scenario, proceed: proceed)
    }

    /// The seed of instance `index`'s pool, derived from the run's seed.
    public static func poolSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var random = WorldRandom(seed: seed).derived(stream: 1_000 + UInt64(index))
        return random.next()
    }

    private static func referencePools(_ scenario: Scenario) -> [ReferencePool] {
        (0..<max(1, scenario.instances)).map { index in
            ReferencePool(config: scenario.pool, seed: poolSeed(scenario.seed, index))
        }
    }
}
