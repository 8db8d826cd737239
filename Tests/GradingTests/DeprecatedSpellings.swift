import Grading

@testable import Solutions

/// Exercise 2's reference pool, speaking the spelling of "no room" it used before `PoolError.poolFull`:
/// `.timedOut(after: .zero, …)`. Pools written then must still pass while that spelling is deprecated.
struct SaysTimedOutWhenFull: PoolExercise {
    var base: FixedSizePool

    init(config: PoolConfig, seed: UInt64) { base = FixedSizePool(config: config, seed: seed) }

    var config: PoolConfig { base.config }
    var metrics: PoolMetrics { base.metrics }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        var own = PoolActions()
        base.handle(event, at: now, into: &own)
        for action in own {
            guard case .failBorrow(let request, .poolFull(let total, let active, let idle, let waiting)) = action else {
                actions.append(action)
                continue
            }
            let old = PoolError.timedOut(
                after: .zero, total: total, active: active, idle: idle, waiting: waiting, lastConnectError: nil)
            actions.append(.failBorrow(request, old))
        }
    }
}

/// A waiting pool (exercise 3) that refuses a borrower with `.poolFull` instead of putting it in line: wrong,
/// since that pool queues.
struct RefusesWhenFull: PoolExercise {
    var base: WaitingPool

    init(config: PoolConfig, seed: UInt64) { base = WaitingPool(config: config, seed: seed) }

    var config: PoolConfig { base.config }
    var metrics: PoolMetrics { base.metrics }

    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        var own = PoolActions()
        base.handle(event, at: now, into: &own)
        for action in own {
            guard case .enqueue(let request, _) = action else {
                actions.append(action)
                continue
            }
            let gauges = base.metrics
            actions.append(
                .failBorrow(
                    request,
                    .poolFull(total: gauges.total, active: gauges.active, idle: gauges.idle, waiting: gauges.waiting)))
        }
    }
}
