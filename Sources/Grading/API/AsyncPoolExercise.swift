/// The grader's fake database for exercise 7: opening a connection takes about a millisecond of real time.
public struct Connector: Sendable {
    /// Opens a connection and returns its name (`c1`, `c2`, … in order of opening).
    public let open: @Sendable () async throws -> ConnectionID
    /// Closes a connection.
    public let close: @Sendable (ConnectionID) async -> Void

    public init(
        open: @escaping @Sendable () async throws -> ConnectionID,
        close: @escaping @Sendable (ConnectionID) async -> Void
    ) {
        self.open = open
        self.close = close
    }
}

/// Exercise 7: a thread-safe async pool around a pool state machine, in real time and with real concurrency.
///
/// Many tasks call `borrow` and `release` at once. The pool feeds their calls to a `ConnectionPoolStateMachine`
/// (the reference pool, or your own) and carries out its actions: resumes the waiting borrower on `lend`,
/// throws on `failBorrow`, opens and closes through the connector, and runs timers with `Task.sleep`. A task
/// cancelled while it waits must be failed at once (`borrowCancelled`), and must never be handed a connection.
public protocol AsyncPoolExercise: AnyObject, Sendable, SendableMetatype {
    init(config: PoolConfig, connector: Connector)
    /// A connection, once one is free; throws `PoolError` (timed out, cancelled) otherwise.
    func borrow() async throws -> ConnectionID
    /// Gives a connection back.
    func release(_ connection: ConnectionID) async
    /// The state machine's gauges.
    var metrics: PoolMetrics { get async }
}
