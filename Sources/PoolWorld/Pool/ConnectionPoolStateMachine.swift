/// The shape every pool in the course has: a sans-I/O state machine the simulator drives.
///
/// The simulator owns the clock, the database and the borrowers. It calls `handle` with each `PoolEvent` and
/// carries out the `PoolAction`s the pool appends, one after another, in order. The pool never sleeps, reads a
/// clock or touches a socket, so the same pool runs in the lab, in `poolschool sim` and in the grader, and a
/// seed replays a run exactly. `ReferencePool` conforms; so can a learner's pool.
///
/// Contract, checked by the simulator's invariant checker:
/// - lend a connection only if it is open and not lent already;
/// - never have more than `maximumConnections` connections open or opening;
/// - serve waiting borrowers in the order they asked (a borrower may be served by validation first);
/// - answer every borrow exactly once, with `lend` or `failBorrow`.
public protocol ConnectionPoolStateMachine {
    /// Reacts to `event`, appending what should happen to `actions` (which the caller has emptied).
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions)

    /// The pool's gauges as it sees them: total, idle, active, waiting.
    var metrics: PoolMetrics { get }

    /// The most connections this pool may have open or opening at once (its size plus any overflow).
    var maximumConnections: Int { get }
}
