/// A timer a pool asks the simulator to run for it.
///
/// Pools have no clock of their own: they ask for a timer with `PoolAction.scheduleTimer` and hear about it
/// with `PoolEvent.timerFired`. A timer is identified by its value, so a pool can cancel it by describing it
/// again; the simulator never delivers a cancelled timer.
public struct PoolTimer: Hashable, Sendable, CustomStringConvertible {
    public enum Kind: UInt8, Hashable, Sendable {
        /// A borrower has waited as long as it may.
        case borrowTimeout
        /// Periodic upkeep: retire idle connections, top up to the minimum.
        case housekeeping
        /// A connection has reached its maximum lifetime.
        case maxLifetime
        /// Time to ping an idle connection so that nothing between client and server forgets it.
        case keepAlive
        /// A connection has been lent for longer than the leak-detection threshold.
        case leakDetection
        /// Try to open a connection again after a failure.
        case openRetry
    }

    public var kind: Kind
    /// The connection the timer is about, if any.
    public var connection: ConnectionID?
    /// The borrow the timer is about, if any.
    public var request: RequestID?
    /// Distinguishes timers of the same kind for the same subject (e.g. successive leases).
    public var generation: UInt32

    public init(_ kind: Kind, connection: ConnectionID? = nil, request: RequestID? = nil, generation: UInt32 = 0) {
        self.kind = kind
        self.connection = connection
        self.request = request
        self.generation = generation
    }

    /// `borrowTimeout(r3)`, `maxLifetime(c2)`.
    public var description: String {
        let subject = [connection?.description, request?.description].compactMap { $0 }.joined(separator: ",")
        return "\(kind)(\(subject))"
    }
}
