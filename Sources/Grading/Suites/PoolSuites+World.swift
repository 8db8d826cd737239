import PoolWorld

extension PoolSuites {
    /// Runs the learner's pool in PoolWorld's engine, the one behind the lab and `poolschool sim`, with the
    /// engine's own invariant checker on: six clients in a closed loop against a pool of three.
    static func inTheWorld<Pool: PoolExercise>(
        _ type: Pool.Type, _ number: Int, timeout: SimDuration?,
        adjust: (@Sendable (inout PoolConfig) -> Void)? = nil
    ) -> Check {
        let name = "runs in the simulated world (the lab's engine) under load"
        return Check(name: name) { options in
            let seeds = options.replaySeed.map { [$0] } ?? SeedPlan.seeds(check: number, cases: 4)
            for seed in seeds {
                options.progress?("check '\(name)', seed \(seed)")
                var config = PoolConfig.plain(size: 3, borrowTimeout: timeout)
                adjust?(&config)
                var scenario = Scenario(
                    workload: Workload(
                        arrivals: .closedLoop(clients: 6, think: .exponential(mean: .milliseconds(3))),
                        script: .hold(.exponential(mean: .milliseconds(10))), requestLimit: 300))
                scenario.pool = config
                scenario.seed = seed
                scenario.options.checkInvariants = true
                scenario.options.recordTrace = true
                scenario.options.drainLimit = .seconds(5)
                let result = Simulation.run(scenario) { index in
                    Pool(config: config, seed: Simulation.poolSeed(seed, index))
                }
                var message: String?
                var end = result.trace.count
                if let violation = result.violations.first {
                    message = "the world's checker found: \(violation.message) (at \(violation.time))"
                    end = (result.trace.firstIndex { if case .violation = $0.kind { true } else { false } } ?? end) + 1
                } else if result.unfinished > 0 {
                    message =
                        "\(result.unfinished) of \(result.requests) requests never finished: some borrowers were "
                        + "never served nor failed"
                }
                let trace = result.trace[max(0, end - 30)..<end].map(\.description)
                if let message {
                    return CheckResult(name: name, passed: false, message: message, seed: seed, trace: trace, cases: 1)
                }
                if options.replaySeed != nil {
                    return CheckResult(name: name, passed: true, seed: seed, trace: trace, cases: 1)
                }
            }
            return CheckResult(name: name, passed: true, cases: seeds.count)
        }
    }
}
