import PoolWorld

/// The grader's fake database for exercise 7, and the pool's clock.
///
/// Opening a connection takes a millisecond of the clock's time. When the database refuses, `open()` throws
/// a `DatabaseError` (for example `FATAL: password authentication failed for user "app"`).
public struct Connector: Sendable {
    /// Opens a connection and returns its name (`c1`, `c2`, … in order of opening). Throws the database's
    /// `DatabaseError`, the very type `PoolEvent.connectionOpenFailed` carries, so the error passes on unchanged.
    public let open: @Sendable () async throws(DatabaseError) -> ConnectionID
    /// Closes a connection.
    public let close: @Sendable (ConnectionID) async -> Void
    /// The clock to read `now` from and to sleep on for timers: virtual time in the grader.
    public let clock: PoolClock

    public init(
        open: @escaping @Sendable () async throws(DatabaseError) -> ConnectionID,
        close: @escaping @Sendable (ConnectionID) async -> Void,
        clock: PoolClock = .continuous()
    ) {
        self.open = open
        self.close = close
        self.clock = clock
    }
}

/// Exercise 7: a thread-safe async pool around a pool state machine, with real concurrency.
///
/// Many tasks call `borrow` and `release` at once. The pool feeds their calls to a `ConnectionPoolStateMachine`
/// (the reference pool, or your own) and carries out its actions: resumes the waiting borrower on `lend`,
/// throws on `failBorrow`, opens and closes through the connector, and runs timers on `connector.clock`. A
/// task cancelled while it waits must be failed at once (`borrowCancelled`), and must never be handed a
/// connection it cannot give back. The stub in `Exercises/07-async-pool.swift` spells out each rule.
public protocol AsyncPoolExercise: AnyObject, Sendable, SendableMetatype {
    init(config: PoolConfig, connector: Connector)
    /// A connection, once one is free; throws the machine's `PoolError` (timed out, cancelled, …) otherwise.
    func borrow() async throws -> ConnectionID
    /// Gives a connection back.
    func release(_ connection: ConnectionID) async
    /// The state machine's gauges.
    var metrics: PoolMetrics { get async }
}

extension PoolEvent {
    /// An open failed with `error`: what an async pool delivers when `connector.open()` throws. The pool never
    /// learns the id of a connection that did not open (`.openConnection` names none), so this spelling needs none.
    public static func connectionOpenFailed(_ error: DatabaseError) -> PoolEvent {
        .connectionOpenFailed(ConnectionID(0), error)
    }
}
