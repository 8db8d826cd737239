import PoolWorld

/// The suites of the pool exercises (2 to 6). Each check runs seeded random schedules through the harness with
/// the rules of its exercise; the last check runs the pool in PoolWorld's own engine, as the lab does.
public enum PoolSuites {
    /// The rules every pool exercise grades.
    static let core: [PoolRule] = [.lending, .maximum, .order, .answers, .gauges, .closing, .breaks]

    /// Exercise 2: borrow returns a connection or reports exhaustion at once; release.
    public static func fixedSize<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        let rules = PoolRules()
        return PoolRuleSuite(
            exercise: GradedExercise.fixedSizePool.name, rules: core + [.determinism],
            scenarios: [
                scenario(type, "borrow and return", 1, rules, PoolStepMix(borrow: 5, release: 5, advance: 3)),
                scenario(
                    type, "a rush of borrowers", 2, rules,
                    PoolStepMix(borrow: 8, release: 2, advance: 1, longestAdvance: 3)),
                scenario(type, "a full pool", 3, rules, PoolStepMix(borrow: 6, release: 2, advance: 3)),
                scenario(
                    type, "connections that break", 4, rules,
                    PoolStepMix(borrow: 5, release: 3, advance: 3, breakConnection: 2, failOpens: 1)),
                exhaustive(
                    type, 5, rules, small(),
                    [.borrow, .release(0), .release(1), .advance(milliseconds: 5), .breakConnection(0)]),
            ],
            world: inTheWorld(type, 6, timeout: nil),
            cannotArise: [.overflowOpen, .closedForReason]
        ).suite
    }

    /// Exercise 3: a FIFO line of waiters, a borrow timeout with HikariCP's error, cancellation.
    public static func waiting<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        let rules = PoolRules(queues: true, timeouts: true, cancellation: true)
        return PoolRuleSuite(
            exercise: GradedExercise.waitingPool.name, rules: waitingRules,
            scenarios: waitingScenarios(type, rules, configure: withTimeout) + [
                exhaustive(type, 6, rules, small(timeout: 20), waitingAlphabet)
            ],
            world: inTheWorld(type, 7, timeout: .milliseconds(50)),
            cannotArise: [.exhausted, .closedForReason, .cancelledDuringPing]
        ).suite
    }

    static let waitingRules = core + [.timeout, .cancellation, .determinism]

    /// Exercise 3's schedules, which every later exercise runs too (with its own settings).
    static func waitingScenarios<Pool: PoolExercise>(
        _ type: Pool.Type, _ rules: PoolRules, configure: @escaping @Sendable (inout WorldRandom) -> PoolConfig
    ) -> [CaseSource] {
        [
            scenario(
                type, "a line of waiters", 1, rules, PoolStepMix(borrow: 7, release: 4, advance: 2, longestAdvance: 10),
                configure: configure),
            scenario(
                type, "waiters that time out", 2, rules,
                PoolStepMix(borrow: 6, release: 1, advance: 4, longestAdvance: 120), configure: configure),
            scenario(
                type, "waiters that give up", 3, rules,
                PoolStepMix(borrow: 6, release: 3, cancel: 3, advance: 3, longestAdvance: 100), configure: configure),
            scenario(
                type, "a mixed load with faults", 4, rules,
                PoolStepMix(
                    borrow: 6, release: 4, cancel: 1, advance: 3, breakConnection: 1, failOpens: 1, slowOpens: 1,
                    longestAdvance: 120),
                configure: configure),
            scenario(
                type, "a pool with overflow", 5, rules,
                PoolStepMix(borrow: 7, release: 3, cancel: 1, advance: 3, breakConnection: 1, longestAdvance: 60),
                configure: { random in
                    var config = configure(&random)
                    config.maxOverflow = 1 + random.below(2)
                    return config
                }),
        ]
    }

    /// Exercise 4: report leases longer than a threshold, once, and never take the connection back.
    public static func leakDetection<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        let rules = PoolRules(queues: true, timeouts: true, cancellation: true, leakDetection: true)
        let configure: @Sendable (inout WorldRandom) -> PoolConfig = { random in
            var config = withTimeout(&random)
            config.borrowTimeout = .milliseconds(Double(100 + random.below(200)))
            config.leakDetectionThreshold = .milliseconds(Double(10 + random.below(50)))
            return config
        }
        return PoolRuleSuite(
            exercise: GradedExercise.leakDetection.name, rules: waitingRules + [.leakReport, .noReclaim],
            scenarios: waitingScenarios(type, rules, configure: configure) + [
                scenario(
                    type, "long leases", 6, rules,
                    PoolStepMix(borrow: 5, release: 2, advance: 4, breakConnection: 1, longestAdvance: 60),
                    configure: configure),
                scenario(
                    type, "leases that come back late", 7, rules,
                    PoolStepMix(borrow: 5, release: 4, advance: 4, breakConnection: 1, longestAdvance: 80),
                    configure: configure),
                scenario(
                    type, "leases that come back in time", 8, rules,
                    PoolStepMix(borrow: 5, release: 6, cancel: 1, advance: 3, longestAdvance: 8),
                    configure: configure),
                exhaustive(
                    type, 9, rules, small(timeout: 30) { $0.leakDetectionThreshold = .milliseconds(10) },
                    waitingAlphabet),
            ],
            world: inTheWorld(type, 10, timeout: .milliseconds(200)) { config in
                config.leakDetectionThreshold = .milliseconds(30)
            },
            cannotArise: [.exhausted, .closedForReason, .cancelledDuringPing]
        ).suite
    }

    /// Exercise 5: validation on borrow, max lifetime with jitter, idle timeout above min idle.
    public static func staleConnections<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        let rules = PoolRules(queues: true, timeouts: true, cancellation: true, staleness: true)
        let configure: @Sendable (inout WorldRandom) -> PoolConfig = { random in
            var config = withTimeout(&random)
            config.validation = .onBorrow(ifIdleFor: .milliseconds(Double(random.below(20))))
            config.maxLifetime = .milliseconds(Double(150 + random.below(450)))
            config.lifetimeJitter = 0.1
            config.idleTimeout = .milliseconds(Double(40 + random.below(110)))
            config.minIdle = random.below(2)
            config.housekeepingInterval = .milliseconds(20)
            return config
        }
        // Lifetimes of a few pings, so that some end while a ping runs.
        let shortLives: @Sendable (inout WorldRandom) -> PoolConfig = { random in
            var config = configure(&random)
            config.validation = .onBorrow(ifIdleFor: .zero)
            config.maxLifetime = .milliseconds(Double(8 + random.below(12)))
            config.idleTimeout = nil
            // Borrowers outwait a slow ping, so some are there when a lifetime ends during theirs.
            config.borrowTimeout = .milliseconds(300)
            return config
        }
        let jitterOnly: @Sendable (inout WorldRandom) -> PoolConfig = { random in
            var config = withTimeout(&random)
            config.maxSize = 4
            config.maxLifetime = .milliseconds(Double(200 + random.below(200)))
            config.lifetimeJitter = 0.1
            return config
        }
        return PoolRuleSuite(
            exercise: GradedExercise.staleConnections.name,
            rules: waitingRules + [.validation, .lifetime, .idleTimeout],
            scenarios: waitingScenarios(type, rules, configure: configure) + [
                scenario(
                    type, "connections that die while idle", 6, rules,
                    PoolStepMix(borrow: 5, release: 4, advance: 4, kill: 2, longestAdvance: 30), configure: configure),
                scenario(
                    type, "connections that grow old", 7, rules,
                    PoolStepMix(borrow: 4, release: 3, advance: 5, longestAdvance: 150), configure: configure),
                scenario(
                    type, "connections left idle", 8, rules,
                    PoolStepMix(borrow: 4, release: 4, advance: 5, longestAdvance: 120), configure: configure),
                scenario(
                    type, "short lives", 9, rules,
                    PoolStepMix(borrow: 6, release: 6, advance: 4, kill: 1, slowPings: 1, longestAdvance: 3),
                    configure: shortLives),
                scenario(
                    type, "slow pings", 10, rules,
                    PoolStepMix(
                        borrow: 6, release: 4, cancel: 2, advance: 4, kill: 1, slowPings: 2, longestAdvance: 30),
                    configure: { random in
                        var config = configure(&random)
                        config.validation = .onBorrow(ifIdleFor: .milliseconds(Double(1 + random.below(5))))
                        return config
                    }),
                PropertyCheck<PoolConfig, PoolStep>(
                    name: "connections opened together", number: 11, cases: 10, steps: 0,
                    draw: { random, _ in
                        (
                            jitterOnly(&random),
                            Array(repeating: PoolStep.borrow, count: 4) + [.advance(milliseconds: 10)]
                                + (0..<4).map { _ in PoolStep.release(0) } + [.advance(milliseconds: 500)]
                        )
                    },
                    execute: { config, steps, seed, recording in
                        var harness = PoolHarness<Pool>(config: config, seed: seed, rules: rules, recording: recording)
                        harness.run(steps)
                        harness.checkJitter()
                        return harness.outcome
                    }
                ).scenario,
                exhaustive(
                    type, 12, rules,
                    small(timeout: 30) { config in
                        config.validation = .onBorrow(ifIdleFor: .milliseconds(5))
                        config.maxLifetime = .milliseconds(25)
                        config.lifetimeJitter = 0.1
                        config.idleTimeout = .milliseconds(15)
                        config.housekeepingInterval = .milliseconds(10)
                    }, [.borrow, .release(0), .advance(milliseconds: 5), .advance(milliseconds: 20), .kill(0)]),
            ],
            world: inTheWorld(type, 13, timeout: .milliseconds(200)) { config in
                config.validation = .onBorrow(ifIdleFor: .milliseconds(5))
                config.maxLifetime = .milliseconds(300)
                config.idleTimeout = .milliseconds(100)
                config.housekeepingInterval = .milliseconds(20)
            },
            cannotArise: [.exhausted]
        ).suite
    }

    /// Exercise 6: open min idle at start, keep it, refill after faults and failed opens.
    public static func warmUp<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        let rules = PoolRules(queues: true, timeouts: true, cancellation: true, minIdle: true, retries: true)
        let configure: @Sendable (inout WorldRandom) -> PoolConfig = { random in
            var config = withTimeout(&random)
            config.maxSize = 2 + random.below(3)
            config.minIdle = 1 + random.below(config.maxSize)
            config.housekeepingInterval = .milliseconds(30)
            return config
        }
        return PoolRuleSuite(
            exercise: GradedExercise.warmUp.name, rules: waitingRules + [.warmUp, .retry],
            scenarios: waitingScenarios(type, rules, configure: configure) + [
                scenario(
                    type, "a warm start", 6, rules, PoolStepMix(borrow: 2, release: 2, advance: 4, longestAdvance: 20),
                    configure: configure),
                scenario(
                    type, "connections that break", 7, rules,
                    PoolStepMix(borrow: 3, release: 3, advance: 4, breakConnection: 3, longestAdvance: 50),
                    configure: configure),
                scenario(
                    type, "a server that refuses connections", 8, rules,
                    PoolStepMix(
                        borrow: 3, release: 3, advance: 5, breakConnection: 2, failOpens: 3, longestFailure: 8,
                        longestAdvance: 60),
                    configure: configure),
                scenario(
                    type, "a warm pool under load", 9, rules,
                    PoolStepMix(borrow: 7, release: 4, cancel: 1, advance: 2, kill: 1, longestAdvance: 20),
                    configure: configure),
                scenario(
                    type, "a cold pool whose server refuses connections", 10, rules,
                    PoolStepMix(borrow: 4, release: 3, advance: 4, failOpens: 3, longestFailure: 6, longestAdvance: 40),
                    configure: { random in
                        var config = configure(&random)
                        config.minIdle = 0
                        return config
                    }),
                exhaustive(
                    type, 11, rules,
                    small(timeout: 30) { config in
                        config.minIdle = 1
                        config.housekeepingInterval = .milliseconds(10)
                    }, [.borrow, .release(0), .advance(milliseconds: 5), .breakConnection(0), .failOpens(1)]),
            ],
            world: inTheWorld(type, 12, timeout: .milliseconds(100)) { config in
                config.minIdle = 2
                config.housekeepingInterval = .milliseconds(30)
            },
            cannotArise: [.exhausted, .closedForReason, .cancelledDuringPing]
        ).suite
    }

    // MARK: Building checks

    /// A plain pool of 1 to 4 connections with no timers, housekeeping every 50 ms.
    @Sendable static func plain(_ random: inout WorldRandom) -> PoolConfig {
        var config = PoolConfig.plain(size: 1 + random.below(4))
        config.housekeepingInterval = .milliseconds(50)
        config.retryDelay = .milliseconds(10)
        // Reached after four failures in a row (10, 12.5, 15.6 ms, then the cap).
        config.maxRetryDelay = .milliseconds(18)
        return config
    }

    /// A plain pool with a borrow timeout of 20 to 200 ms.
    @Sendable static func withTimeout(_ random: inout WorldRandom) -> PoolConfig {
        var config = plain(&random)
        config.borrowTimeout = .milliseconds(Double(20 + random.below(181)))
        return config
    }

    /// Exercise 3's small-world moves: borrow, return, give up, a little and a timeout's worth of time, a break.
    static let waitingAlphabet: [PoolStep] = [
        .borrow, .release(0), .cancel(0), .advance(milliseconds: 5), .advance(milliseconds: 20), .breakConnection(0),
    ]

    /// A small world: two connections, retries after 5 ms (at most 8 ms).
    static func small(timeout: Double? = nil, _ adjust: (inout PoolConfig) -> Void = { _ in }) -> PoolConfig {
        var config = PoolConfig.plain(size: 2, borrowTimeout: timeout.map { .milliseconds($0) })
        config.housekeepingInterval = .milliseconds(50)
        config.retryDelay = .milliseconds(5)
        config.maxRetryDelay = .milliseconds(8)
        adjust(&config)
        return config
    }

    /// Every schedule of up to seven steps of a small world with three borrowers.
    static func exhaustive<Pool: PoolExercise>(
        _ type: Pool.Type, _ number: Int, _ rules: PoolRules, _ config: PoolConfig, _ alphabet: [PoolStep]
    ) -> CaseSource {
        ExhaustiveSearch<Pool>(
            name: "every schedule of a small world", number: number, config: config, rules: rules, alphabet: alphabet,
            depth: 7, borrowers: 3
        ).scenario
    }

    static func scenario<Pool: PoolExercise>(
        _ type: Pool.Type, _ name: String, _ number: Int, _ rules: PoolRules, _ mix: PoolStepMix,
        configure: @escaping @Sendable (inout WorldRandom) -> PoolConfig = plain, cases: Int = 40, steps: Int = 60
    ) -> CaseSource {
        PropertyCheck<PoolConfig, PoolStep>(
            name: name, number: number, cases: cases, steps: steps,
            draw: { random, count in (configure(&random), mix.steps(count: count, random: &random)) },
            execute: { config, steps, seed, recording in
                var harness = PoolHarness<Pool>(config: config, seed: seed, rules: rules, recording: recording)
                harness.run(steps)
                return harness.outcome
            }
        ).scenario
    }
}
