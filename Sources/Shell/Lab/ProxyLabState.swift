import PoolWorld

/// The lab's PgBouncer world: clients connect to a proxy in front of the fake PostgreSQL.
///
/// The scenario gives the workload and the database; `config` is the proxy's pgbouncer.ini as the learner has
/// changed it (`config default_pool_size=5`), kept across `lab reset`.
final class ProxyLabState {
    let name: String
    private(set) var config: ProxyConfig
    private(set) var world: ProxyWorld

    /// Scenario `name` in `mode` (nil: the scenario's own mode).
    init(name: String, mode: PoolMode?) throws(InputError) {
        self.name = name
        let scenario = try ProxyLab.scenario(named: name, mode: mode)
        config = scenario.proxy
        world = ProxyWorld(scenario: scenario)
    }

    /// The pool mode the world runs in (`pool_mode`).
    var mode: PoolMode { config.poolMode }

    /// A fresh world: the scenario at t=0 with the current configuration.
    func rebuild() throws(InputError) {
        var scenario = try ProxyLab.scenario(named: name)
        scenario.proxy = config
        world = ProxyWorld(scenario: scenario)
    }

    /// Sets `[pgbouncer]` parameters, all or none, then starts a fresh world with them.
    /// - Throws: `InputError` naming the first bad parameter or value; the world is left as it was.
    func configure(_ assignments: [(key: String, value: String)]) throws(InputError) {
        var changed = config
        for (key, value) in assignments {
            do {
                try changed.set(parameter: key, to: value)
            } catch {
                throw InputError(error.description)
            }
        }
        if let problem = changed.problems.first { throw InputError(problem) }
        let saved = config
        config = changed
        do { try rebuild() } catch {
            config = saved
            throw error
        }
    }

    static var names: [String] { ProxyLab.catalog.map(\.name) }

    /// Numbers for lesson `lab` blocks: SHOW POOLS summed over pools, and the database's connections.
    static let metricNames = ["cl_active", "cl_waiting", "sv_active", "sv_idle", "maxwait", "db_connections"]

    func metric(named name: String) -> Double? {
        if name == "db_connections" { return Double(world.database.connections) }
        guard let table = try? world.admin("SHOW POOLS") else { return nil }
        guard let column = table.columns.firstIndex(of: name) else { return nil }
        let values = table.rows.compactMap { Double($0[column]) }
        return name == "maxwait" ? values.max() ?? 0 : values.reduce(0, +)
    }
}
