import PoolWorld

/// The lab's PgBouncer world: clients connect to a proxy in front of the fake PostgreSQL.
public final class ProxyLabState {
    public let name: String
    public let mode: PoolMode
    public private(set) var world: ProxyWorld

    public init(name: String, mode: PoolMode) throws(InputError) {
        self.name = name
        self.mode = mode
        world = ProxyWorld(scenario: try ProxyLab.scenario(named: name, mode: mode))
    }

    public func rebuild() throws(InputError) {
        world = ProxyWorld(scenario: try ProxyLab.scenario(named: name, mode: mode))
    }

    public static var names: [String] { ProxyLab.catalog.map(\.name) }

    /// Numbers for lesson `lab` blocks: SHOW POOLS summed over pools, and the database's connections.
    public static let metricNames = ["cl_active", "cl_waiting", "sv_active", "sv_idle", "maxwait", "db_connections"]

    public func metric(named name: String) -> Double? {
        if name == "db_connections" { return Double(world.database.connections) }
        guard let table = try? world.admin("SHOW POOLS") else { return nil }
        guard let column = table.columns.firstIndex(of: name) else { return nil }
        let values = table.rows.compactMap { Double($0[column]) }
        return name == "maxwait" ? values.max() ?? 0 : values.reduce(0, +)
    }
}
