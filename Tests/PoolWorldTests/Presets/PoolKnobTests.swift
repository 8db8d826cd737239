import Testing

@testable import PoolWorld

/// The reference pool's knobs that the presets needed: an idle cap (Go) and exact idle timers (node-postgres).
@Suite struct PoolKnobTests {
    func driver(_ configure: (inout PoolConfig) -> Void) -> PoolDriver<ReferencePool> {
        var config = PoolConfig.plain(size: 5)
        configure(&config)
        return PoolDriver(pool: ReferencePool(config: config, seed: 1))
    }

    /// Three borrowers each get a connection; with an idle cap of 2, the third to come back is closed.
    @Test func aConnectionReturnedToAFullIdleListIsClosed() {
        var pool = driver { $0.maxIdle = 2 }
        for number in 1...3 {
            _ = pool.send(.borrowRequested(r(number)))
            _ = pool.send(.connectionOpened(c(Int32(number))))
        }
        #expect(pool.send(.connectionReturned(c(1))).isEmpty)
        #expect(pool.send(.connectionReturned(c(2))).isEmpty)
        #expect(pool.send(.connectionReturned(c(3))) == [.closeConnection(c(3), .maxIdle)])
        #expect(pool.pool.metrics == PoolMetrics(total: 2, idle: 2, active: 0, waiting: 0, pending: 0))
        #expect(pool.pool.counters.closed(.maxIdle) == 1)
    }

    @Test func withoutACapEveryReturnedConnectionStaysIdle() {
        var pool = driver { _ in }
        for number in 1...3 {
            _ = pool.send(.borrowRequested(r(number)))
            _ = pool.send(.connectionOpened(c(Int32(number))))
        }
        for number in 1...3 { #expect(pool.send(.connectionReturned(c(Int32(number)))).isEmpty) }
        #expect(pool.pool.metrics.idle == 3)
    }

    @Test func aCapOfZeroClosesEveryReturnedConnectionButServesWaitersFirst() {
        var pool = driver {
            $0.maxIdle = 0
            $0.maxSize = 1
        }
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.connectionOpened(c(1)))
        _ = pool.send(.borrowRequested(r(2)))
        #expect(pool.send(.connectionReturned(c(1))) == [.lend(c(1), to: r(2))])
        #expect(pool.send(.connectionReturned(c(1))) == [.closeConnection(c(1), .maxIdle)])
    }

    @Test func minIdleAboveMaxIdleIsRefused() {
        var config = PoolConfig.plain(size: 5)
        config.maxIdle = 1
        config.minIdle = 3
        #expect(config.problems.contains("min idle 3 is above max idle 1: the pool would open and close forever"))
        config.maxIdle = -1
        config.minIdle = 0
        #expect(config.problems.contains("max idle must be 0 or more (or off), got -1"))
    }

    /// node-postgres: each idle client has its own timer, due exactly when its idle timeout passes.
    @Test func exactEvictionClosesAnIdleConnectionWhenItsOwnTimerFires() {
        var pool = driver {
            $0.idleTimeout = .seconds(10)
            $0.idleEviction = .exact
        }
        _ = pool.send(.start)
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.connectionOpened(c(1)), atMilliseconds: 5)
        let timer = PoolTimer(.housekeeping, connection: c(1))
        #expect(pool.send(.connectionReturned(c(1)), atMilliseconds: 1_000) == [.scheduleTimer(timer, at: at(11_000))])
        #expect(pool.send(.timerFired(timer), atMilliseconds: 11_000) == [.closeConnection(c(1), .idleTimeout)])
        #expect(pool.pool.metrics.total == 0)
    }

    @Test func exactEvictionIgnoresATimerForAConnectionLentAgain() {
        var pool = driver {
            $0.idleTimeout = .seconds(10)
            $0.idleEviction = .exact
        }
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.connectionOpened(c(1)))
        _ = pool.send(.connectionReturned(c(1)), atMilliseconds: 1_000)
        _ = pool.send(.borrowRequested(r(2)), atMilliseconds: 2_000)
        #expect(pool.send(.timerFired(PoolTimer(.housekeeping, connection: c(1))), atMilliseconds: 11_000).isEmpty)
        #expect(pool.pool.metrics.active == 1)
    }

    @Test func exactEvictionNeedsNoSweepWithoutAMinimum() {
        var pool = driver {
            $0.idleTimeout = .seconds(10)
            $0.idleEviction = .exact
        }
        #expect(pool.send(.start).isEmpty, "no housekeeping timer: each idle connection has its own")
    }

    /// With a minimum the sweep still runs, to top the pool up; the idle timers never go below it.
    @Test func exactEvictionKeepsMinIdle() {
        var pool = driver {
            $0.idleTimeout = .seconds(10)
            $0.idleEviction = .exact
            $0.minIdle = 1
        }
        #expect(pool.send(.start) == [.scheduleTimer(PoolTimer(.housekeeping), at: at(30_000)), .openConnection])
        _ = pool.send(.connectionOpened(c(1)))
        #expect(pool.send(.timerFired(PoolTimer(.housekeeping, connection: c(1))), atMilliseconds: 10_000).isEmpty)
        #expect(pool.pool.metrics.idle == 1, "the idle timeout never takes the pool below min idle")
    }

    /// The sweep (HikariCP) closes the same connection only at the first housekeeping run after its timeout.
    @Test func sweepEvictionWaitsForTheNextHousekeepingRun() {
        var pool = driver {
            $0.idleTimeout = .seconds(10)
            $0.housekeepingInterval = .seconds(30)
        }
        _ = pool.send(.start)
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.connectionOpened(c(1)))
        #expect(pool.send(.connectionReturned(c(1)), atMilliseconds: 1_000).isEmpty)
        let closes = pool.send(.timerFired(PoolTimer(.housekeeping)), atMilliseconds: 30_000)
        #expect(closes.contains(.closeConnection(c(1), .idleTimeout)))
    }
}
