/// A random duration: how long a hold, a query or a think time lasts.
public enum Distribution: Hashable, Sendable, CustomStringConvertible {
    /// Always the same.
    case constant(SimDuration)
    /// Exponential with this mean: memoryless, what queueing theory's "M" means.
    case exponential(mean: SimDuration)
    /// Uniform between the two bounds.
    case uniform(SimDuration, SimDuration)

    /// The mean.
    public var mean: SimDuration {
        switch self {
        case .constant(let value): value
        case .exponential(let mean): mean
        case .uniform(let low, let high): SimDuration(nanoseconds: (low.nanoseconds + high.nanoseconds) / 2)
        }
    }

    /// One draw, in nanoseconds.
    @inlinable
    func sample(_ random: inout WorldRandom) -> Int64 {
        switch self {
        case .constant(let value):
            return value.nanoseconds
        case .exponential(let mean):
            return Int64(random.exponential(mean: Double(mean.nanoseconds)) + 0.5)
        case .uniform(let low, let high):
            let span = Double(high.nanoseconds - low.nanoseconds)
            return low.nanoseconds + Int64((random.nextUnit() * span).rounded())
        }
    }

    /// `exp(40ms)`, `40ms`, `uniform(10ms..50ms)`.
    public var description: String {
        switch self {
        case .constant(let value): "\(value)"
        case .exponential(let mean): "exp(\(mean))"
        case .uniform(let low, let high): "uniform(\(low)..\(high))"
        }
    }
}
