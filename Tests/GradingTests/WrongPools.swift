import Grading

@testable import Solutions

/// Realistic wrong pools, the kind learners hand in: each is a reference solution with one slip, written as a
/// change to the actions it answers with, or a small pool of its own.
protocol Slip: Sendable {
    /// Changes what the pool answered `event` with.
    static func apply(_ actions: [PoolAction], _ context: SlipContext) -> [PoolAction]
}

/// What a slip may look at: the event, the time, and the pool's gauges and maximum after its answer.
struct SlipContext {
    var event: PoolEvent
    var now: SimInstant
    var pool: PoolMetrics
    var maximum: Int
}

/// A reference pool with one slip.
struct Slipped<Base: PoolExercise, S: Slip>: PoolExercise {
    var base: Base

    init(config: PoolConfig, seed: UInt64) { base = Base(config: config, seed: seed) }

    var metrics: PoolMetrics { base.metrics }
    var maximumConnections: Int { base.maximumConnections }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        var own = PoolActions()
        base.handle(event, at: now, into: &own)
        let context = SlipContext(event: event, now: now, pool: base.metrics, maximum: base.maximumConnections)
        for action in S.apply(own.list, context) { actions.append(action) }
    }
}

/// The timeout error counts the waiters left, not the one timing out.
enum WaitingWithoutItself: Slip {
    static func apply(_ actions: [PoolAction], _ context: SlipContext) -> [PoolAction] {
        actions.map { action in
            guard
                case .failBorrow(let request, .timedOut(let after, let total, let active, let idle, let waiting, _)) =
                    action
            else { return action }
            return .failBorrow(
                request,
                .timedOut(
                    after: after, total: total, active: active, idle: idle, waiting: waiting - 1,
                    lastConnectError: nil))
        }
    }
}

/// Opens a spare connection whenever one comes back ("to be ready for the next borrower").
enum OpensASpare: Slip {
    static func apply(_ actions: [PoolAction], _ context: SlipContext) -> [PoolAction] {
        guard case .connectionReturned = context.event,
            context.pool.total + context.pool.pending < context.maximum
        else { return actions }
        return actions + [.openConnection]
    }
}

/// Numbers the line from 0.
enum ZeroBasedPositions: Slip {
    static func apply(_ actions: [PoolAction], _ context: SlipContext) -> [PoolAction] {
        actions.map {
            if case .enqueue(let request, let position) = $0 { return .enqueue(request, position: position - 1) }
            return $0
        }
    }
}

/// Says a reported connection came back after the threshold, not after the whole lease.
enum UnleakedAtTheThreshold: Slip {
    static func apply(_ actions: [PoolAction], _ context: SlipContext) -> [PoolAction] {
        actions.map {
            if case .reportUnleaked(let connection, let heldFor) = $0 {
                return .reportUnleaked(connection, heldFor: heldFor - .milliseconds(1))
            }
            return $0
        }
    }
}

/// Draws each connection's lifetime jitter from the system's random generator: a seed no longer names a run.
enum SystemRandomJitter: Slip {
    static func apply(_ actions: [PoolAction], _ context: SlipContext) -> [PoolAction] {
        actions.map {
            guard case .scheduleTimer(let timer, let instant) = $0, timer.kind == .maxLifetime else { return $0 }
            let earlier = Int64.random(in: 0..<1_000_000)
            return .scheduleTimer(timer, at: SimInstant(nanoseconds: instant.nanoseconds - earlier))
        }
    }
}

/// Closes a connection that comes back with nobody waiting once two are idle, calling it an idle timeout.
enum ClosesSurplusOnReturn: Slip {
    static func apply(_ actions: [PoolAction], _ context: SlipContext) -> [PoolAction] {
        guard case .connectionReturned(let connection) = context.event, actions.isEmpty, context.pool.idle >= 2 else {
            return actions
        }
        return [.closeConnection(connection, .idleTimeout)]
    }
}

/// Retries a failed open after the same delay every time.
enum RetryWithoutBackoff: Slip {
    static func apply(_ actions: [PoolAction], _ context: SlipContext) -> [PoolAction] {
        actions.map {
            guard case .scheduleTimer(let timer, _) = $0, timer.kind == .openRetry else { return $0 }
            return .scheduleTimer(timer, at: context.now + .milliseconds(10))
        }
    }
}

/// The ten-line pool that never lends: every borrow fails as shut down (with a correct warm-up, and gauges that
/// tell the truth about it).
struct AlwaysShutDown: PoolExercise {
    let config: PoolConfig
    var idle = 0
    var opening = 0
    init(config: PoolConfig, seed: UInt64) { self.config = config }
    var maximumConnections: Int { config.maxSize + config.maxOverflow }
    var metrics: PoolMetrics { PoolMetrics(total: idle, idle: idle, active: 0, waiting: 0, pending: opening) }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        switch event {
        case .borrowRequested(let request): actions.append(.failBorrow(request, .shutDown))
        case .start:
            opening = config.minIdle
            for _ in 0..<config.minIdle { actions.append(.openConnection) }
        case .connectionOpened: (opening, idle) = (opening - 1, idle + 1)
        case .connectionOpenFailed: opening -= 1
        case .connectionClosed: idle -= 1
        default: break
        }
    }
}

/// Warm-up that opens the whole pool at start instead of min idle.
struct OpensEverythingAtStart: PoolExercise {
    var base: Solutions.WarmPool
    init(config: PoolConfig, seed: UInt64) { base = Solutions.WarmPool(config: config, seed: seed) }
    var metrics: PoolMetrics { base.metrics }
    var maximumConnections: Int { base.maximumConnections }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        base.handle(event, at: now, into: &actions)
        guard case .start = event else { return }
        // It tells its own books nothing of these: the gauges would catch it too, but the open comes first.
        for _ in base.config.minIdle..<base.config.maxSize { actions.append(.openConnection) }
    }
}

/// Exercise 3 with a maximum of maxSize: the overflow the configuration allows is never used.
struct IgnoresOverflow: PoolExercise {
    var base: Solutions.WaitingPool
    init(config: PoolConfig, seed: UInt64) {
        var config = config
        let maximum = config.maxSize + config.maxOverflow
        config.maxOverflow = 0
        base = Solutions.WaitingPool(config: config, seed: seed)
        self.maximum = maximum
    }
    let maximum: Int
    var metrics: PoolMetrics { base.metrics }
    var maximumConnections: Int { maximum }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        base.handle(event, at: now, into: &actions)
    }
}
