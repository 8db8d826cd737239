import Grading

@testable import Solutions

/// Valid designs the exercises permit, made from the reference solutions: each must pass its grader.
/// Idle connections reused oldest first (FIFO) where the reference reuses the newest (LIFO).
struct OldestIdleFirst<Base: PoolExercise & IdleList>: PoolExercise {
    var base: Base

    init(config: PoolConfig, seed: UInt64) { base = Base(config: config, seed: seed) }

    var metrics: PoolMetrics { base.metrics }
    var maximumConnections: Int { base.maximumConnections }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        // The reference pops the last idle connection: reversed, that is the one idle longest.
        base.idle.reverse()
        base.handle(event, at: now, into: &actions)
        base.idle.reverse()
    }
}

/// The reference pools that keep their idle connections in an array.
protocol IdleList {
    var idle: [ConnectionID] { get set }
}

extension FixedSizePool: IdleList {}
extension WaitingPool: IdleList {}
extension LeakDetectingPool: IdleList {}
extension FreshPool: IdleList {}
extension WarmPool: IdleList {}

/// Warm-up one connection at a time: at start it opens one, and the next as each one opens.
struct WarmsUpOneByOne: PoolExercise {
    var base: WarmPool

    init(config: PoolConfig, seed: UInt64) { base = WarmPool(config: config, seed: seed) }

    var metrics: PoolMetrics { base.metrics }
    var maximumConnections: Int { base.maximumConnections }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        var own = PoolActions()
        base.handle(event, at: now, into: &own)
        var opened = false
        for action in own.list {
            // Keep one open per event while nobody waits; the reference's replenish asks again when it opens.
            if case .openConnection = action, base.waiters.isEmpty, opened {
                base.opening -= 1
                continue
            }
            if case .openConnection = action { opened = true }
            actions.append(action)
        }
    }
}
