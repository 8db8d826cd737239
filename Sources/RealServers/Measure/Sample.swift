/// Timings of one measured thing, in milliseconds, with the statistics the lab prints.
public struct Sample: Codable, Hashable, Sendable {
    public var milliseconds: [Double]

    public init(milliseconds: [Double]) {
        self.milliseconds = milliseconds
    }

    public var count: Int { milliseconds.count }
    public var median: Double { percentile(50) }
    public var p95: Double { percentile(95) }

    /// The nearest-rank percentile (the value at rank ⌈p/100 × n⌉ of the sorted timings); 0 when empty.
    public func percentile(_ p: Double) -> Double {
        guard !milliseconds.isEmpty else { return 0 }
        let sorted = milliseconds.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up))
        return sorted[min(max(rank, 1), sorted.count) - 1]
    }
}

extension Duration {
    /// This duration in milliseconds, as a Double.
    var milliseconds: Double {
        Double(components.seconds) * 1e3 + Double(components.attoseconds) / 1e15
    }
}
