import Testing

@testable import PoolWorld

/// Each preset against the defaults its library documents (the sources are named in the preset's file).
@Suite struct PoolPresetTests {
    @Test func hikariCPIsAFixedPoolOfTenWithThirtySecondTimeouts() {
        let config = PoolPreset.hikariCP.config
        #expect(config.maxSize == 10 && config.minIdle == 10 && config.maxOverflow == 0)
        #expect(config.borrowTimeout == .seconds(30))
        #expect(config.idleTimeout == .minutes(10) && config.maxLifetime == .minutes(30))
        #expect(config.lifetimeJitter == 0.025)
        #expect(config.keepAliveInterval == .minutes(2))
        #expect(config.validation == .onBorrow(ifIdleFor: .milliseconds(500)))
        #expect(config.housekeepingInterval == .seconds(30) && config.leakDetectionThreshold == nil)
        #expect(!config.failBorrowOnConnectError)
    }

    @Test func sqlAlchemyIsFivePlusTenOverflowFIFOWithoutRecycling() {
        let config = PoolPreset.sqlAlchemy.config
        #expect(config.maxSize == 5 && config.maxOverflow == 10 && config.minIdle == 0)
        #expect(config.borrowTimeout == .seconds(30))
        #expect(config.idleTimeout == nil && config.maxLifetime == nil && config.validation == .none)
        #expect(config.idleOrder == .fifo && config.failBorrowOnConnectError)
    }

    @Test func nodePostgresWaitsForeverAndEvictsEachIdleClientAfterTenSeconds() {
        let config = PoolPreset.nodePostgres.config
        #expect(config.maxSize == 10 && config.minIdle == 0)
        #expect(config.borrowTimeout == nil)
        #expect(config.idleTimeout == .seconds(10) && config.idleEviction == .exact)
        #expect(config.maxLifetime == nil && config.idleOrder == .lifo && config.failBorrowOnConnectError)
    }

    @Test func goHasNoOpenLimitAndKeepsTwoIdle() {
        let config = PoolPreset.goDatabaseSQL.config
        #expect(config.maxSize >= 10_000, "SetMaxOpenConns 0 is unlimited")
        #expect(config.maxIdle == 2)
        #expect(config.borrowTimeout == nil && config.idleTimeout == nil && config.maxLifetime == nil)
        #expect(config.idleOrder == .lifo && config.failBorrowOnConnectError)
    }

    @Test func pgxpoolIsFourWithAnHourLifetimeAndAMinuteHealthCheck() {
        let config = PoolPreset.pgxpool.config
        #expect(config.maxSize == 4 && config.minIdle == 0)
        #expect(config.maxLifetime == .minutes(60) && config.lifetimeJitter == 0)
        #expect(config.idleTimeout == .minutes(30) && config.idleEviction == .sweep)
        #expect(config.housekeepingInterval == .minutes(1))
        #expect(config.validation == .onBorrow(ifIdleFor: .seconds(1)) && config.borrowTimeout == nil)
    }

    @Test func deadpoolIsSixteenFIFOWithNoTimeoutsAtAll() {
        let config = PoolPreset.deadpool.config
        #expect(config.maxSize == 16 && config.minIdle == 0)
        #expect(config.borrowTimeout == nil && config.idleTimeout == nil && config.maxLifetime == nil)
        #expect(config.idleOrder == .fifo && config.validation == .none)
    }

    @Test func postgresNIOIsTwentyWithKeepAliveAndBackoff() {
        let config = PoolPreset.postgresNIO.config
        #expect(config.maxSize == 20 && config.minIdle == 0 && config.borrowTimeout == nil)
        #expect(config.idleTimeout == .seconds(60) && config.idleEviction == .exact)
        #expect(config.keepAliveInterval == .seconds(30))
        #expect(config.retryDelay == .milliseconds(100) && config.maxRetryDelay == .seconds(60))
        #expect(!config.failBorrowOnConnectError)
    }

    @Test func everyPresetIsAValidConfigurationWithItsOwnName() {
        #expect(PoolPreset.all.count == 7)
        #expect(Set(PoolPreset.names).count == 7)
        for preset in PoolPreset.all {
            #expect(preset.config.problems.isEmpty, "\(preset.name): \(preset.config.problems)")
            #expect(PoolPreset.named(preset.name.uppercased()) == preset)
            for alias in preset.aliases { #expect(PoolPreset.named(alias) == preset) }
        }
    }

    @Test func anUnknownNameListsThePresets() {
        #expect(PoolPreset.named("c3p0") == nil)
        #expect(throws: InputError.self) { try PoolPreset.lookup("c3p0") }
        do {
            _ = try PoolPreset.lookup("c3p0")
        } catch {
            #expect(
                error.message
                    == "no pool preset 'c3p0'; the presets are hikaricp, sqlalchemy, node-postgres, go, pgx, deadpool, postgres-nio"
            )
        }
    }

    /// One burst, twice the size of every bounded pool, through each preset: each runs clean, and the
    /// behaviours that tell them apart show (Go's churn above two idle, SQLAlchemy's overflow closes).
    @Test func eachPresetRunsABurstWithoutBreakingThePoolContract() {
        var closedByReason: [String: PoolCounters] = [:]
        for preset in PoolPreset.all {
            var scenario = Scenario(
                workload: Workload(
                    arrivals: .poisson(ArrivalRate(perSecond: 200)), script: .hold(.constant(.milliseconds(30))),
                    requestLimit: 2_000))
            scenario.pool = preset.config
            scenario.seed = 7
            scenario.options.checkInvariants = true
            let result = Simulation.run(scenario)
            #expect(result.violations.isEmpty, "\(preset.name): \(result.violations.prefix(3))")
            #expect(result.completed + result.timedOut + result.errored + result.unfinished == result.requests)
            closedByReason[preset.name] = result.poolCounters.first
        }
        #expect((closedByReason["go"]?.closed(.maxIdle) ?? 0) > 0, "Go closes connections above two idle")
        #expect(closedByReason["hikaricp"]?.closed(.maxIdle) == 0)
        #expect(closedByReason["sqlalchemy"]?.closed(.maxIdle) == 0)
    }
}
