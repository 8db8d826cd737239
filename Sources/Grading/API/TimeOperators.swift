import PoolWorld

// The arithmetic of virtual time, for code that imports only `Grading` (the exercises). A type's operators are
// found only where the module that declares them is imported, and the learner API re-exports PoolWorld's time
// types but not the module; these forward to the same arithmetic. Disfavoured, so that wherever PoolWorld is
// imported as well (the shell, the graders, the tests), PoolWorld's own operators are chosen and nothing is
// ambiguous.

extension SimInstant {
    @_disfavoredOverload
    public static func + (lhs: SimInstant, rhs: SimDuration) -> SimInstant {
        SimInstant(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
    }

    @_disfavoredOverload
    public static func - (lhs: SimInstant, rhs: SimInstant) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds - rhs.nanoseconds)
    }
}

extension SimDuration {
    @_disfavoredOverload
    public static func + (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds + rhs.nanoseconds)
    }

    @_disfavoredOverload
    public static func - (lhs: SimDuration, rhs: SimDuration) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds - rhs.nanoseconds)
    }

    @_disfavoredOverload
    public static func * (lhs: SimDuration, rhs: Int64) -> SimDuration {
        SimDuration(nanoseconds: lhs.nanoseconds * rhs)
    }

    @_disfavoredOverload
    public static func += (lhs: inout SimDuration, rhs: SimDuration) {
        lhs.nanoseconds += rhs.nanoseconds
    }
}
