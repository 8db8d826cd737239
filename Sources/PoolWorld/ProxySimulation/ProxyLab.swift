/// The proxy's lab scenarios, by name, as plain data the shell can print or draw.
///
/// `catalog` lists them with a one-line description each; `run(_:seed:)` runs one and returns a report
/// (lines of findings, admin-console tables, and the runs' full results for charts); `scenario(named:)`
/// gives the world to explore step by step in a `ProxyWorld`.
public enum ProxyLab {
    /// One scenario of the catalog.
    public struct Entry: Hashable, Sendable {
        public let name: String
        public let summary: String
    }

    /// The scenarios, in course order.
    public static let catalog: [Entry] = [
        Entry(
            name: "fan-in",
            summary: "2,000 client connections from 100 app servers share 50 server connections in transaction mode"),
        Entry(
            name: "modes-side-by-side",
            summary:
                "one session-state program under session, transaction and statement mode: what breaks, and its error"),
        Entry(
            name: "proxy-fleet",
            summary: "40 pods with pools of 20 against max_connections 100, directly and through one shared PgBouncer"),
    ]

    /// Runs the scenario called `name`, in pool mode `mode` when given (the modes scenario runs all three).
    /// - Throws: `InputError` listing the known names.
    public static func run(_ name: String, mode: PoolMode? = nil, seed: UInt64 = 1) throws(InputError)
        -> ProxyLabReport
    {
        switch try entry(name).name {
        case "fan-in": return try fanInReport(seed: seed, mode: mode)
        case "modes-side-by-side": return modesReport()
        default: return try fleetReport(seed: seed, mode: mode)
        }
    }

    /// A catalog summary that names the mode the run used.
    static func summary(_ index: Int, mode: PoolMode?) -> String {
        guard let mode else { return catalog[index].summary }
        return catalog[index].summary.replacing("in transaction mode", with: "in \(mode) mode")
            .replacing("through one shared PgBouncer", with: "through one shared PgBouncer (\(mode) mode)")
    }

    /// The world of scenario `name`, to explore with a `ProxyWorld`: the fan-in load, the fleet's proxy side,
    /// or (for the modes) an empty world for the learner's own clients. `mode`, when given, is the pool mode
    /// of every pool in it; nil keeps the scenario's own (transaction for all three).
    public static func scenario(named name: String, mode: PoolMode? = nil, seed: UInt64 = 1)
        throws(InputError) -> ProxyScenario
    {
        var scenario: ProxyScenario
        switch try entry(name).name {
        case "fan-in": scenario = fanInScenario(seed: seed)
        case "modes-side-by-side": scenario = modesScenario(mode: mode ?? .transaction)
        default: scenario = fleetScenarios(seed: seed).proxied
        }
        if let mode {
            scenario.proxy.poolMode = mode
            for index in scenario.proxy.databases.indices { scenario.proxy.databases[index].poolMode = nil }
        }
        return scenario
    }

    private static func entry(_ name: String) throws(InputError) -> Entry {
        guard let found = catalog.first(where: { $0.name == name.lowercased() }) else {
            throw InputError(
                "unknown proxy scenario \"\(name)\": use one of " + catalog.map(\.name).joined(separator: ", "))
        }
        return found
    }

    /// `12,345`.
    static func grouped(_ value: Int) -> String {
        let digits = String(abs(value))
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }

    /// `p50 12ms, p95 40ms, p99 1.2s`.
    static func percentiles(_ result: SimulationResult) -> String {
        guard result.completed > 0 else { return "no request completed" }
        return [50.0, 95, 99].map { "p\(Int($0)) \(result.latency(percentile: $0))" }.joined(separator: ", ")
    }

    /// `3 × FATAL: …; 1 × …`, most frequent first.
    static func errors(_ result: SimulationResult) -> String {
        guard !result.errorsByMessage.isEmpty else { return "no errors" }
        return result.errorsByMessage.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }
            .map { "\(grouped($0.value)) × \($0.key)" }.joined(separator: "; ")
    }
}

/// What a lab scenario showed, as plain data: findings one per line, tables, and the runs behind them.
public struct ProxyLabReport: Sendable {
    /// A table with a title, e.g. `SHOW POOLS at the busiest moment`.
    public struct Table: Hashable, Sendable {
        public var title: String
        public var table: AdminTable
    }

    /// One run of the scenario and its label (`direct`, `through PgBouncer`, …).
    public struct Run: Sendable {
        public var label: String
        public var result: SimulationResult
        /// The proxy's views, when the run went through the proxy.
        public var proxy: ProxySimulationResult?
    }

    /// One pool mode's run of the modes program.
    public struct ModeRun: Sendable {
        public var mode: PoolMode
        /// What the client saw at each step of `ProxyLab.modesProgram`.
        public var results: [String]
        public var trace: [TraceEvent]
    }

    public var name: String
    public var summary: String
    /// Findings, one line each.
    public var lines: [String]
    public var tables: [Table]
    public var runs: [Run] = []
    public var modeRuns: [ModeRun] = []

    /// Everything as plain text: the summary, the findings, then each table under its title.
    public var text: String {
        var parts = ["\(name): \(summary)", ""] + lines
        for table in tables {
            parts += ["", table.title, table.table.description]
        }
        return parts.joined(separator: "\n")
    }
}
