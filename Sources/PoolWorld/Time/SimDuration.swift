/// A span of virtual time, stored as whole nanoseconds.
///
/// Integer nanoseconds keep the world deterministic (no rounding drift between runs or machines)
/// and cheap to compare on the hot path. `Swift.Duration` would work too, but its 128-bit
/// representation costs more in the event heap than this single `Int64`.
public struct SimDuration: Hashable, Comparable, Sendable {
    /// The length of the span in nanoseconds. May be negative when two instants are subtracted.
    public var nanoseconds: Int64

    /// Creates a duration of exactly `nanoseconds` nanoseconds.
    public init(nanoseconds: Int64) {
        self.nanoseconds = nanoseconds
    }

    public static let zero = SimDuration(nanoseconds: 0)

    /// A duration of `value` nanoseconds.
    public static func nanoseconds(_ value: Int64) -> SimDuration {
        SimDuration(nanoseconds: value)
    }

    /// A duration of `value` microseconds, rounded to the nearest nanosecond.
    public static func microseconds(_ value: Double) -> SimDuration {
        SimDuration(nanoseconds: Int64((value * 1e3).rounded()))
    }

    /// A duration of `value` milliseconds, rounded to the nearest nanosecond.
    public static func milliseconds(_ value: Double) -> SimDuration {
        SimDuration(nanoseconds: Int64((value * 1e6).rounded()))
    }

    /// A duration of `value` seconds, rounded to the nearest nanosecond.
    public static func seconds(_ value: Double) -> SimDuration {
        SimDuration(nanoseconds: Int64((value * 1e9).rounded()))
    }

    /// A duration of `value` minutes.
    public static func minutes(_ value: Double) -> SimDuration {
        .seconds(value * 60)
    }

    /// The span in seconds, as a floating-point number (for reports and statistics only).
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// The span in milliseconds, as a floating-point number (for reports and statistics only).
    public var milliseconds: Double { Double(nanoseconds) / 1e6 }

    public static func < (lhs: SimDuration, rhs: SimDuration) -> Bool {
        lhs.nanoseconds < rhs.nanoseconds
    }

    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
    }

    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds - rhs.nanoseconds)
    }

    public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds * rhs)
    }

    public static func += (lhs: inout SimDuration, rhs: SimDuration) {
        lhs.nanoseconds += rhs.nanoseconds
    }
}

extension SimDuration: CustomStringConvertible {
    /// The shortest readable form: `0s`, `250us`, `40ms`, `1.5s`, `2m`, `1h`.
    ///
    /// Whole minutes and hours are shown as such because that is how people write timeouts
    /// (`idle_session_timeout = 10min`); everything else is shown in the largest unit that keeps
    /// the number at least 1, with at most three decimals.
    public var description: String {
        DurationFormat.format(self)
    }
}
