import Grading
import GradingTestSupport
import Synchronization
import Testing

/// Designs exercise 7 allows besides the reference's actor must pass too: here a class with a `Mutex`
/// around the machine, which handles cancellation synchronously, without a task.
@Suite struct ValidAsyncPoolTests {
    @Test(.timeLimit(.minutes(3))) func aMutexPoolPasses() async throws {
        let channel = try ReportChannel.make()
        let result = await #expect(processExitsWith: .failure, observing: ExerciseVerdict.observed) {
            [channel = channel as ReportChannel] in
            ExerciseChild.grade(AsyncPoolSuite.suite(LockedAsyncPool.self), channel: channel)
        }
        let suite = AsyncPoolSuite.suite(LockedAsyncPool.self)
        let report = try #require(result.map { ChildOutcome($0, channel: channel, suite: suite) })
            .report(for: .asyncPool)
        #expect(report.checks.count == suite.checks.count)
        #expect(report.passed, "\(report.failed.map { $0.explanation(exercise: report.exercise) })")
    }
}

/// The machine behind a lock; continuations are resumed and tasks started after the lock is released.
final class LockedAsyncPool: AsyncPoolExercise {
    private struct State: ~Copyable {
        var machine: ReferencePool
        var waiters: [RequestID: CheckedContinuation<ConnectionID, any Error>] = [:]
        var timers: [PoolTimer: (generation: Int, task: Task<Void, Never>)] = [:]
        var nextRequest = 0
        var generation = 0
    }

    private let state: Mutex<State>
    private let connector: Connector

    init(config: PoolConfig, connector: Connector) {
        state = Mutex(State(machine: ReferencePool(config: config)))
        self.connector = connector
    }

    var metrics: PoolMetrics { state.withLock { $0.machine.metrics } }

    func borrow() async throws -> ConnectionID {
        let request = state.withLock { state in
            state.nextRequest += 1
            return RequestID(state.nextRequest)
        }
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
                perform { state in
                    // Checked under the lock, so a cancellation handled just before is not missed.
                    guard !Task.isCancelled else {
                        return [{ continuation.resume(throwing: PoolError.cancelled) }]
                    }
                    state.waiters[request] = continuation
                    return apply(.borrowRequested(request), to: &state)
                }
            }
        } onCancel: {
            perform { apply(.borrowCancelled(request), to: &$0) }
        }
    }

    func release(_ connection: ConnectionID) async {
        perform { apply(.connectionReturned(connection), to: &$0) }
    }

    private func deliver(_ event: PoolEvent) {
        perform { apply(event, to: &$0) }
    }

    /// Runs `change` under the lock, then what it left to do outside it.
    private func perform(_ change: (inout State) -> [() -> Void]) {
        let effects = state.withLock { change(&$0) }
        for effect in effects { effect() }
    }

    private func apply(_ event: PoolEvent, to state: inout State) -> [() -> Void] {
        var actions = PoolActions()
        state.machine.handle(event, at: connector.clock.now, into: &actions)
        var effects: [() -> Void] = []
        let connector = connector
        for action in actions.list {
            switch action {
            case .lend(let connection, let request):
                if let waiter = state.waiters.removeValue(forKey: request) {
                    effects.append { waiter.resume(returning: connection) }
                }
            case .failBorrow(let request, let error):
                if let waiter = state.waiters.removeValue(forKey: request) {
                    effects.append { waiter.resume(throwing: error) }
                }
            case .openConnection:
                effects.append {
                    Task {
                        do {
                            self.deliver(.connectionOpened(try await connector.open()))
                        } catch {
                            self.deliver(
                                .connectionOpenFailed(ConnectionID(0), error as? DatabaseError ?? .tooManyClients))
                        }
                    }
                }
            case .closeConnection(let connection, _):
                effects.append { Task { await connector.close(connection) } }
            case .validate(let connection, _):
                effects.append { self.deliver(.validationSucceeded(connection)) }
            case .scheduleTimer(let timer, let instant):
                state.timers[timer]?.task.cancel()
                state.generation += 1
                let generation = state.generation
                let task = Task {
                    guard (try? await connector.clock.sleep(until: instant)) != nil else { return }
                    self.fire(timer, generation)
                }
                state.timers[timer] = (generation, task)
            case .cancelTimer(let timer):
                state.timers.removeValue(forKey: timer)?.task.cancel()
            case .enqueue, .reportLeak, .reportUnleaked:
                break
            }
        }
        return effects
    }

    private func fire(_ timer: PoolTimer, _ generation: Int) {
        perform { state in
            guard state.timers[timer]?.generation == generation else { return [] }
            state.timers[timer] = nil
            return apply(.timerFired(timer), to: &state)
        }
    }
}
