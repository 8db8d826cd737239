/// Runs a scenario through the proxy from start to finish.
public enum ProxySimulation {
    /// Runs `scenario`: its workload's requests go from the pods through the proxy to the database.
    /// - Throws: `InputError` listing the scenario's problems, if it has any.
    public static func run(_ scenario: ProxyScenario) throws(InputError) -> ProxySimulationResult {
        let problems = scenario.problems
        guard problems.isEmpty else { throw InputError(problems.joined(separator: "; ")) }
        var engine = ProxyEngine(scenario: scenario)
        engine.runToCompletion()
        return engine.result()
    }
}
