/// What a quantity measures, as powers of time and data: a rate is time⁻¹, a fraction or a
/// count is dimensionless. Lint uses it to catch an answer in the wrong family of units.
public struct Dimension: Hashable, Sendable, CustomStringConvertible {
    public var time: Int
    public var data: Int

    public init(time: Int = 0, data: Int = 0) {
        self.time = time
        self.data = data
    }

    public static let none = Dimension()
    public static let time = Dimension(time: 1)
    public static let rate = Dimension(time: -1)
    public static let data = Dimension(data: 1)

    public static func * (lhs: Dimension, rhs: Dimension) -> Dimension {
        Dimension(time: lhs.time + rhs.time, data: lhs.data + rhs.data)
    }

    public static func / (lhs: Dimension, rhs: Dimension) -> Dimension {
        Dimension(time: lhs.time - rhs.time, data: lhs.data - rhs.data)
    }

    public func power(_ exponent: Int) -> Dimension {
        Dimension(time: time * exponent, data: data * exponent)
    }

    /// The name a learner or instructor knows it by.
    public var description: String {
        switch self {
        case .none: return "a count or fraction"
        case .time: return "a time"
        case .rate: return "a rate"
        case .data: return "an amount of data"
        default:
            var parts: [String] = []
            if time != 0 { parts.append("time^\(time)") }
            if data != 0 { parts.append("data^\(data)") }
            return "a quantity in " + parts.joined(separator: "·")
        }
    }
}
