import Grading

// Reference solution for Exercises/07-async-pool.swift (lesson 03-borrow-and-backpressure).

/// An actor around the reference pool's state machine. Every event is handled on the actor, synchronously,
/// so the machine is never entered twice at once; whatever takes time (opening, timers) runs in tasks that
/// come back to the actor with the next event.
public actor AsyncPool: AsyncPoolExercise {
    private var machine: ReferencePool
    private let connector: Connector
    private var waiters: [RequestID: CheckedContinuation<ConnectionID, any Error>] = [:]
    private var nextRequest = 0
    private var timers: [PoolTimer: (generation: Int, task: Task<Void, Never>)] = [:]
    private var timerGeneration = 0
    private var actions = PoolActions()

    public init(config: PoolConfig, connector: Connector) {
        self.machine = ReferencePool(config: config)
        self.connector = connector
    }

    public var metrics: PoolMetrics { machine.metrics }

    public func borrow() async throws -> ConnectionID {
        nextRequest += 1
        let request = RequestID(nextRequest)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                // Registered before the actor can run anything else, so a cancellation (which comes back to
                // the actor in a task of its own) always finds the borrow in the machine.
                guard !Task.isCancelled else {
                    continuation.resume(throwing: PoolError.cancelled)
                    return
                }
                waiters[request] = continuation
                handle(.borrowRequested(request))
            }
        } onCancel: {
            Task { await self.cancel(request) }
        }
    }

    public func release(_ connection: ConnectionID) {
        handle(.connectionReturned(connection))
    }

    /// A waiting borrower's task was cancelled: the machine fails the borrow (if it still waits).
    private func cancel(_ request: RequestID) {
        handle(.borrowCancelled(request))
    }

    /// The pool's clock: virtual time in the grader, so that timeouts are exact there.
    private var now: SimInstant { connector.clock.now }

    /// Hands one event to the machine and carries out its actions, without suspending.
    private func handle(_ event: PoolEvent) {
        actions.removeAll()
        machine.handle(event, at: now, into: &actions)
        for action in actions.list {
            switch action {
            case .lend(let connection, let request):
                waiters.removeValue(forKey: request)?.resume(returning: connection)
            case .failBorrow(let request, let error):
                waiters.removeValue(forKey: request)?.resume(throwing: error)
            case .openConnection:
                let connector = connector
                Task {
                    do throws(DatabaseError) {
                        let connection = try await connector.open()
                        self.handle(.connectionOpened(connection))
                    } catch {
                        // `open()` throws only a `DatabaseError`; the machine passes this very error on to the
                        // borrower (`PoolError.connectFailed`).
                        self.handle(.connectionOpenFailed(error))
                    }
                }
            case .closeConnection(let connection, _):
                let connector = connector
                Task { await connector.close(connection) }
            case .validate(let connection, _):
                // The grader's connections never break: every ping succeeds.
                Task { self.handle(.validationSucceeded(connection)) }
            case .scheduleTimer(let timer, let instant):
                schedule(timer, at: instant)
            case .cancelTimer(let timer):
                timers.removeValue(forKey: timer)?.task.cancel()
            case .enqueue, .reportLeak, .reportUnleaked:
                break
            }
        }
    }

    private func schedule(_ timer: PoolTimer, at instant: SimInstant) {
        timers[timer]?.task.cancel()
        timerGeneration += 1
        let generation = timerGeneration
        let clock = connector.clock
        let task = Task {
            // Until the instant, not for it: the pool may be long past its start.
            guard (try? await clock.sleep(until: instant)) != nil, !Task.isCancelled else { return }
            self.fire(timer, generation)
        }
        timers[timer] = (generation, task)
    }

    private func fire(_ timer: PoolTimer, _ generation: Int) {
        guard timers[timer]?.generation == generation else { return }
        timers[timer] = nil
        handle(.timerFired(timer))
    }
}
