import Foundation
import Grading

/// An actor pool that checks for room, then suspends to open: two tasks both see room (actor reentrancy).
actor RacyPool: AsyncPoolExercise {
    let config: PoolConfig
    let connector: Connector
    var idle: [ConnectionID] = []
    var open = 0

    init(config: PoolConfig, connector: Connector) {
        self.config = config
        self.connector = connector
    }

    func borrow() async throws -> ConnectionID {
        while true {
            if let connection = idle.popLast() { return connection }
            if open < config.maxSize {
                let connection = try await connector.open()
                open += 1
                return connection
            }
            try await Task.sleep(for: .microseconds(50))
        }
    }

    func release(_ connection: ConnectionID) { idle.append(connection) }

    var metrics: PoolMetrics {
        PoolMetrics(total: open, idle: idle.count, active: open - idle.count, waiting: 0, pending: 0)
    }
}

/// An actor pool with a FIFO line of continuations that ignores cancellation: a cancelled waiter is never
/// resumed.
actor LosesCancelledWaiters: AsyncPoolExercise {
    let config: PoolConfig
    let connector: Connector
    var idle: [ConnectionID] = []
    var open = 0
    var waiters: [CheckedContinuation<ConnectionID, any Error>] = []

    init(config: PoolConfig, connector: Connector) {
        self.config = config
        self.connector = connector
    }

    func borrow() async throws -> ConnectionID {
        if let connection = idle.popLast() { return connection }
        if open < config.maxSize {
            open += 1
            return try await connector.open()
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    func release(_ connection: ConnectionID) {
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    var metrics: PoolMetrics {
        PoolMetrics(total: open, idle: idle.count, active: open - idle.count, waiting: waiters.count, pending: 0)
    }
}

/// One realistic mistake in an async pool; `FlawedAsyncPool` makes it and is otherwise the reference.
enum AsyncFlaw: Sendable {
    /// Fails a cancelled waiter itself and never tells the machine, which later lends to the gone borrower.
    case lendsAfterCancel
    /// Never schedules the machine's timers.
    case ignoresTimers
    /// Sleeps for the timer's instant (time since start), not until it.
    case sleepsForTheInstant
    /// Reads real time and sleeps with `Task.sleep`, as before the pool had a clock.
    case realClock
    /// Reports every failed open as "too many clients", whatever the database said.
    case inventsTheOpenError
    /// Never answers `.validate`.
    case ignoresValidation
    /// Keeps a returned connection for the next borrower as well as giving it to the machine.
    case lendsTwice
    /// Yields a random number of times before handling a return: right by every rule, but never the same
    /// twice (as a pool that draws from the system's random numbers or reads the wall clock is).
    case yieldsAtRandom
}

protocol AsyncFlawChoice: Sendable {
    static var flaw: AsyncFlaw { get }
}

/// The reference pool (Solutions/07-async-pool.swift) with one `Choice.flaw`.
actor FlawedAsyncPool<Choice: AsyncFlawChoice>: AsyncPoolExercise {
    private var machine: ReferencePool
    private let connector: Connector
    private let started = ContinuousClock.now
    private var waiters: [RequestID: CheckedContinuation<ConnectionID, any Error>] = [:]
    private var nextRequest = 0
    private var timers: [PoolTimer: (generation: Int, task: Task<Void, Never>)] = [:]
    private var timerGeneration = 0
    private var spare: [ConnectionID] = []
    private var actions = PoolActions()
    private var flaw: AsyncFlaw { Choice.flaw }

    init(config: PoolConfig, connector: Connector) {
        self.machine = ReferencePool(config: config)
        self.connector = connector
    }

    var metrics: PoolMetrics { machine.metrics }

    func borrow() async throws -> ConnectionID {
        if flaw == .lendsTwice, let connection = spare.popLast() { return connection }
        nextRequest += 1
        let request = RequestID(nextRequest)
        return try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { continuation in
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

    func release(_ connection: ConnectionID) async {
        if flaw == .yieldsAtRandom {
            for _ in 0..<Int.random(in: 0...3) { await Task.yield() }
        }
        if flaw == .lendsTwice { spare.append(connection) }
        handle(.connectionReturned(connection))
    }

    private func cancel(_ request: RequestID) {
        if flaw == .lendsAfterCancel {
            waiters.removeValue(forKey: request)?.resume(throwing: PoolError.cancelled)
            return
        }
        handle(.borrowCancelled(request))
    }

    private var now: SimInstant {
        guard flaw == .realClock else { return connector.clock.now }
        return SimInstant(nanoseconds: SimDuration(ContinuousClock.now - started).nanoseconds)
    }

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
                let invents = flaw == .inventsTheOpenError
                Task {
                    do {
                        self.handle(.connectionOpened(try await connector.open()))
                    } catch {
                        let error = invents ? .tooManyClients : (error as? DatabaseError ?? .connectionTimedOut)
                        self.handle(.connectionOpenFailed(ConnectionID(0), error))
                    }
                }
            case .closeConnection(let connection, _):
                let connector = connector
                Task { await connector.close(connection) }
            case .validate(let connection, _):
                if flaw != .ignoresValidation { Task { self.handle(.validationSucceeded(connection)) } }
            case .scheduleTimer(let timer, let instant):
                if flaw != .ignoresTimers { schedule(timer, at: instant) }
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
        let flaw = flaw
        let left = Duration(instant - now)
        let task = Task {
            switch flaw {
            case .sleepsForTheInstant: try? await clock.sleep(for: Duration(instant.sinceStart))
            case .realClock: try? await Task.sleep(for: left)
            default: try? await clock.sleep(until: instant)
            }
            guard !Task.isCancelled else { return }
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

enum LendsAfterCancel: AsyncFlawChoice { static let flaw = AsyncFlaw.lendsAfterCancel }
enum IgnoresTimers: AsyncFlawChoice { static let flaw = AsyncFlaw.ignoresTimers }
enum SleepsForTheInstant: AsyncFlawChoice { static let flaw = AsyncFlaw.sleepsForTheInstant }
enum RealClock: AsyncFlawChoice { static let flaw = AsyncFlaw.realClock }
enum InventsTheOpenError: AsyncFlawChoice { static let flaw = AsyncFlaw.inventsTheOpenError }
enum IgnoresValidation: AsyncFlawChoice { static let flaw = AsyncFlaw.ignoresValidation }
enum YieldsAtRandom: AsyncFlawChoice { static let flaw = AsyncFlaw.yieldsAtRandom }
enum LendsTwiceAsync: AsyncFlawChoice { static let flaw = AsyncFlaw.lendsTwice }
