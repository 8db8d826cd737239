import Testing

@testable import PoolWorld

/// Drives a pool state machine by hand, as PostgresNIO's tests drive theirs.
struct PoolDriver<Pool: ConnectionPoolStateMachine> {
    var pool: Pool
    var actions = PoolActions()

    mutating func send(_ event: PoolEvent, atMilliseconds time: Double = 0) -> [PoolAction] {
        actions.removeAll()
        pool.handle(event, at: SimInstant(nanoseconds: Int64(time * 1e6)), into: &actions)
        return actions.list
    }
}

func r(_ number: Int) -> RequestID { RequestID(number) }
func c(_ number: Int32) -> ConnectionID { ConnectionID(number) }
func at(_ milliseconds: Double) -> SimInstant { SimInstant(nanoseconds: Int64(milliseconds * 1e6)) }

@Suite struct ReferencePoolTests {
    func driver(_ configure: (inout PoolConfig) -> Void = { _ in }) -> PoolDriver<ReferencePool> {
        var config = PoolConfig.plain(size: 2, borrowTimeout: .seconds(30))
        configure(&config)
        return PoolDriver(pool: ReferencePool(config: config, seed: 1))
    }

    @Test func aBorrowOnAnEmptyPoolWaitsForTheConnectionItCausesToOpen() {
        var pool = driver()
        #expect(pool.send(.start).isEmpty)
        #expect(
            pool.send(.borrowRequested(r(1))) == [
                .scheduleTimer(PoolTimer(.borrowTimeout, request: r(1)), at: at(30_000)), .enqueue(r(1), position: 1),
                .openConnection,
            ])
        #expect(
            pool.send(.connectionOpened(c(1)), atMilliseconds: 18) == [
                .cancelTimer(PoolTimer(.borrowTimeout, request: r(1))), .lend(c(1), to: r(1)),
            ])
        #expect(pool.pool.metrics == PoolMetrics(total: 1, idle: 0, active: 1, waiting: 0, pending: 0))
        #expect(pool.pool.waitTimes.max >= 17_900_000)
    }

    @Test func waitersAreServedFirstComeFirstServed() {
        var pool = driver { $0.maxSize = 1 }
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.connectionOpened(c(1)))
        for number in 2...4 { _ = pool.send(.borrowRequested(r(number))) }
        var order: [RequestID] = []
        for _ in 2...4 {
            for case .lend(_, let request) in pool.send(.connectionReturned(c(1))) { order.append(request) }
        }
        #expect(order == [r(2), r(3), r(4)])
    }

    @Test func aTimedOutBorrowGetsHikariCPsMessage() {
        var pool = driver { $0.maxSize = 1 }
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.connectionOpened(c(1)))
        _ = pool.send(.borrowRequested(r(2)))
        _ = pool.send(.borrowRequested(r(3)))
        let actions = pool.send(.timerFired(PoolTimer(.borrowTimeout, request: r(2))), atMilliseconds: 30_000)
        guard case .failBorrow(let request, let error)? = actions.first else {
            Issue.record("expected a failed borrow, got \(actions)")
            return
        }
        #expect(request == r(2))
        #expect(
            error.description
                == "connection not available, request timed out after 30000ms (total=1, active=1, idle=0, waiting=2)")
        #expect(pool.pool.counters.timeouts == 1)
        #expect(pool.pool.metrics.waiting == 1)
    }

    @Test(arguments: [PoolConfig.IdleOrder.lifo, .fifo])
    func idleOrderPicksTheNewestOrTheOldest(order: PoolConfig.IdleOrder) {
        var pool = driver { $0.idleOrder = order }
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.borrowRequested(r(2)))
        _ = pool.send(.connectionOpened(c(1)))
        _ = pool.send(.connectionOpened(c(2)))
        _ = pool.send(.connectionReturned(c(1)), atMilliseconds: 1)
        _ = pool.send(.connectionReturned(c(2)), atMilliseconds: 2)
        let lent = pool.send(.borrowRequested(r(3)), atMilliseconds: 3)
        #expect(lent == [.lend(order == .lifo ? c(2) : c(1), to: r(3))])
    }

    @Test func overflowConnectionsCloseWhenTheyComeBackToNobody() {
        var pool = driver {
            $0.maxSize = 1
            $0.maxOverflow = 1
        }
        _ = pool.send(.borrowRequested(r(1)))
        let second = pool.send(.borrowRequested(r(2)))
        #expect(second.contains(.openConnection))
        #expect(pool.pool.maximumConnections == 2)
        _ = pool.send(.connectionOpened(c(1)))
        _ = pool.send(.connectionOpened(c(2)))
        #expect(pool.send(.connectionReturned(c(1))) == [.closeConnection(c(1), .overflow)])
        #expect(pool.send(.connectionReturned(c(2))).isEmpty)
        #expect(pool.pool.metrics.idle == 1)
    }

    @Test func idleTimeoutRetiresOnlyConnectionsAboveTheMinimum() {
        var pool = driver {
            $0.maxSize = 3
            $0.minIdle = 1
            $0.idleTimeout = .minutes(10)
        }
        let started = pool.send(.start)
        #expect(started.contains(.scheduleTimer(PoolTimer(.housekeeping), at: at(30_000))))
        #expect(started.filter { $0 == .openConnection }.count == 1)
        _ = pool.send(.connectionOpened(c(1)))
        for number in 1...3 { _ = pool.send(.borrowRequested(r(number))) }
        _ = pool.send(.connectionOpened(c(2)))
        _ = pool.send(.connectionOpened(c(3)))
        for number: Int32 in 1...3 { _ = pool.send(.connectionReturned(c(number)), atMilliseconds: 1_000) }
        let early = pool.send(.timerFired(PoolTimer(.housekeeping)), atMilliseconds: 300_000)
        #expect(!early.contains { if case .closeConnection = $0 { true } else { false } })
        let late = pool.send(.timerFired(PoolTimer(.housekeeping)), atMilliseconds: 700_000)
        let closed = late.compactMap { action -> CloseReason? in
            if case .closeConnection(_, let reason) = action { return reason }
            return nil
        }
        #expect(closed == [.idleTimeout, .idleTimeout])
        #expect(pool.pool.metrics.total == 1)
        #expect(pool.pool.counters.closed(.idleTimeout) == 2)
    }

    @Test func lifetimeIsJitteredAndALentConnectionIsRetiredWhenItComesBack() {
        var pool = driver {
            $0.maxSize = 1
            $0.maxLifetime = .minutes(30)
            $0.lifetimeJitter = 0.025
        }
        _ = pool.send(.borrowRequested(r(1)))
        let opened = pool.send(.connectionOpened(c(1)))
        let deadline = opened.compactMap { action -> SimInstant? in
            if case .scheduleTimer(let timer, let instant) = action, timer.kind == .maxLifetime { return instant }
            return nil
        }.first
        let lifetime = SimDuration.minutes(30).nanoseconds
        #expect(deadline.map { $0.nanoseconds <= lifetime && $0.nanoseconds >= lifetime - lifetime / 40 } == true)
        #expect(pool.send(.timerFired(PoolTimer(.maxLifetime, connection: c(1)))).isEmpty)
        // The pool is full, so the waiter gets a new connection only once the old one is retired.
        #expect(!pool.send(.borrowRequested(r(2))).contains(.openConnection))
        let back = pool.send(.connectionReturned(c(1)))
        #expect(back.contains(.closeConnection(c(1), .maxLifetime)))
        #expect(back.contains(.openConnection))
    }

    @Test func leakDetectionReportsAndLaterNotesTheReturn() {
        var pool = driver { $0.leakDetectionThreshold = .seconds(2) }
        _ = pool.send(.borrowRequested(r(1)))
        let lent = pool.send(.connectionOpened(c(1)))
        let timer = PoolTimer(.leakDetection, connection: c(1), generation: 1)
        #expect(lent.contains(.scheduleTimer(timer, at: at(2_000))))
        #expect(
            pool.send(.timerFired(timer), atMilliseconds: 2_000) == [
                .reportLeak(c(1), borrower: r(1), heldFor: .seconds(2))
            ])
        #expect(pool.pool.metrics.active == 1)
        #expect(
            pool.send(.connectionReturned(c(1)), atMilliseconds: 5_000) == [.reportUnleaked(c(1), heldFor: .seconds(5))]
        )
    }

    @Test func aConnectionThatFailsValidationIsClosedAndTheBorrowerTriesAgain() {
        var pool = driver { $0.validation = .onBorrow(ifIdleFor: .milliseconds(500)) }
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.connectionOpened(c(1)))
        _ = pool.send(.connectionReturned(c(1)), atMilliseconds: 1)
        #expect(pool.send(.borrowRequested(r(2)), atMilliseconds: 100) == [.lend(c(1), to: r(2))])
        _ = pool.send(.connectionReturned(c(1)), atMilliseconds: 200)
        #expect(pool.send(.borrowRequested(r(3)), atMilliseconds: 60_000) == [.validate(c(1), for: r(3))])
        let failed = pool.send(.validationFailed(c(1), .connectionTimedOut), atMilliseconds: 60_001)
        #expect(
            failed == [
                .closeConnection(c(1), .validationFailed),
                .scheduleTimer(PoolTimer(.borrowTimeout, request: r(3)), at: at(90_000)), .enqueue(r(3), position: 1),
                .openConnection,
            ])
        #expect(pool.pool.counters.validationsFailed == 1)
    }

    @Test func failedOpensEitherFailTheWaiterOrRetryWithBackoff() {
        var failFast = driver { $0.failBorrowOnConnectError = true }
        _ = failFast.send(.borrowRequested(r(1)))
        let failed = failFast.send(.connectionOpenFailed(c(1), .tooManyClients), atMilliseconds: 5)
        #expect(failed.contains(.failBorrow(r(1), .connectFailed(.tooManyClients))))
        #expect(
            PoolError.connectFailed(.tooManyClients).description
                == "could not open a connection: FATAL: sorry, too many clients already")

        var patient = driver()
        _ = patient.send(.borrowRequested(r(1)))
        let retry = patient.send(.connectionOpenFailed(c(1), .tooManyClients), atMilliseconds: 5)
        #expect(retry == [.scheduleTimer(PoolTimer(.openRetry), at: at(105))])
        #expect(patient.send(.timerFired(PoolTimer(.openRetry)), atMilliseconds: 105) == [.openConnection])
        let timeout = patient.send(.timerFired(PoolTimer(.borrowTimeout, request: r(1))), atMilliseconds: 30_000)
        guard case .failBorrow(_, let error)? = timeout.first else {
            Issue.record("expected a timeout, got \(timeout)")
            return
        }
        #expect(
            error.description
                == "connection not available, request timed out after 30000ms (total=0, active=0, idle=0, waiting=1); "
                + "last connection error: FATAL: sorry, too many clients already")
    }

    @Test func shutdownFailsWaitersAndClosesIdleConnections() {
        var pool = driver { $0.maxSize = 1 }
        _ = pool.send(.borrowRequested(r(1)))
        _ = pool.send(.connectionOpened(c(1)))
        _ = pool.send(.borrowRequested(r(2)))
        let down = pool.send(.shutdown)
        #expect(down.contains(.failBorrow(r(2), .shutDown)))
        #expect(pool.send(.connectionReturned(c(1))) == [.closeConnection(c(1), .shutdown)])
        #expect(pool.send(.borrowRequested(r(3))) == [.failBorrow(r(3), .shutDown)])
    }

    @Test func configurationProblemsAreSpelledOut() {
        var config = PoolConfig()
        config.maxSize = 0
        config.minIdle = 3
        config.borrowTimeout = .zero
        #expect(
            config.problems == [
                "pool size must be at least 1, got 0", "min idle must be between 0 and the pool size 0, got 3",
                "borrow timeout must be above zero (or off), got 0s",
            ])
    }
}
