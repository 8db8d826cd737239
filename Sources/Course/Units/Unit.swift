import Foundation

/// A unit a lesson or a learner may write: its symbol, what it measures, and its size in base
/// units (seconds, bytes, or 1).
public struct Unit: Hashable, Sendable {
    public let symbol: String
    public let dimension: Dimension
    /// How many base units one of this is: `ms` is 0.001 (seconds), `%` is 0.01.
    public let factor: Double

    public init(symbol: String, dimension: Dimension, factor: Double) {
        self.symbol = symbol
        self.dimension = dimension
        self.factor = factor
    }

    public static let none = Unit(symbol: "", dimension: .none, factor: 1)
    public static let percent = Unit(symbol: "%", dimension: .none, factor: 0.01)
    public static let fraction = Unit(symbol: "fraction", dimension: .none, factor: 1)

    /// Every unit by every name it is written with.
    static let table: [String: Unit] = {
        var table: [String: Unit] = [:]
        func add(_ names: [String], _ dimension: Dimension, _ factor: Double) {
            let unit = Unit(symbol: names[0], dimension: dimension, factor: factor)
            for name in names { table[name] = unit }
        }
        add(["ns", "nanoseconds"], .time, 1e-9)
        add(["us", "µs", "μs", "microseconds"], .time, 1e-6)
        add(["ms", "msec", "milliseconds"], .time, 1e-3)
        add(["s", "sec", "secs", "second", "seconds"], .time, 1)
        add(["min", "mins", "minute", "minutes"], .time, 60)
        add(["h", "hour", "hours"], .time, 3600)
        add(["/s", "per second", "ops/s", "req/s", "requests/s", "rps", "tps", "qps", "/sec"], .rate, 1)
        add(["/min", "per minute"], .rate, 1.0 / 60)
        add(["%", "percent"], .none, 0.01)
        add(["fraction"], .none, 1)
        add(["B", "bytes"], .data, 1)
        add(["KB", "kB"], .data, 1e3)
        add(["KiB"], .data, 1024)
        add(["MB"], .data, 1e6)
        add(["MiB"], .data, 1_048_576)
        add(["GB"], .data, 1e9)
        add(["GiB"], .data, 1_073_741_824)
        for count in [
            "connections", "connection", "conns", "requests", "request", "clients", "client", "servers", "server",
            "instances", "instance", "pods", "pod", "cores", "core", "threads", "thread", "ops", "x", "count",
        ] {
            table[count] = Unit(symbol: count, dimension: .none, factor: 1)
        }
        return table
    }()

    /// Finds a unit by name, then ignoring case for names that are not case-sensitive (`MS`, `Seconds`).
    public static func named(_ name: String) -> Unit? {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return Unit.none }
        if let unit = table[trimmed] { return unit }
        let lower = trimmed.lowercased()
        // Data units differ by case (Mb vs MB) only in ways nobody types; time units never do.
        return table.first { $0.key.lowercased() == lower }?.value
    }

    /// The units a learner could have confused this one with: same family, different size.
    var family: [Unit] {
        Array(Set(Unit.table.values.filter { $0.dimension == dimension && $0.factor != factor }))
    }
}
