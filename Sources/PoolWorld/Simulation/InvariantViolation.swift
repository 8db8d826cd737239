/// A broken pool contract, found while the simulator carried out the pool's actions.
public struct InvariantViolation: Hashable, Sendable, CustomStringConvertible {
    /// When it happened.
    public var time: SimInstant
    /// What was wrong, e.g. `pool lent c3 to r9 while it was lent to r4`.
    public var message: String

    public var description: String { "\(time) \(message)" }
}
