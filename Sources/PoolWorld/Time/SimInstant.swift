/// A point in virtual time: nanoseconds since the world started.
///
/// The world starts at zero, so an instant doubles as "time since start" in reports and traces.
public struct SimInstant: Hashable, Comparable, Sendable {
    /// Nanoseconds since the world started.
    public var nanoseconds: Int64

    /// Creates the instant `nanoseconds` after the world started.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    /// The moment the world starts.
    public static let start = SimInstant(nanoseconds: 0)

    /// The time elapsed since the world started.
    public var sinceStart: SimDuration { SimDuration(nanoseconds: nanoseconds) }

    public static func < (lhs: SimInstant, rhs: SimInstant) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public static func + (lhs: SimInstant, rhs: SimDuration) -> SimInstant {
        SimInstant(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
    }

    public static func - (lhs: SimInstant, rhs: SimInstant) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds - rhs.nanoseconds)
    }
}

extension SimInstant: CustomStringConvertible {
    /// `t=0.018s`: seconds since start with millisecond precision, the prefix every trace line uses.
    public var description: String {
        "t=" + DurationFormat.fixed(nanoseconds, decimals: 3) + "s"
    }
}
