/// The suites of the pool exercises (2 to 6). Each check runs seeded random schedules through the harness with
/// the rules of its exercise; the last check runs the pool in PoolWorld's own engine, as the lab does.
public enum PoolSuites {
    /// Exercise 2: borrow returns a connection or reports exhaustion at once; release.
    public static func fixedSize<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        let rules = PoolRules()
        return ExerciseSuite(
            exercise: GradedExercise.fixedSizePool.name,
            checks: [
                check(
                    type, "lends each connection to one borrower at a time", 1, rules,
                    PoolStepMix(borrow: 5, release: 5, advance: 3)),
                check(
                    type, "never opens more connections than its size", 2, rules,
                    PoolStepMix(borrow: 8, release: 2, advance: 1, longestAdvance: 3)),
                check(
                    type, "fails a borrow at once when every connection is busy", 3, rules,
                    PoolStepMix(borrow: 6, release: 2, advance: 3)),
                check(
                    type, "forgets a connection that breaks, and opens another when needed", 4, rules,
                    PoolStepMix(borrow: 5, release: 3, advance: 3, breakConnection: 2)),
                inTheWorld(type, 5, timeout: nil),
            ])
    }

    /// Exercise 3: a FIFO line of waiters, a borrow timeout with HikariCP's error, cancellation.
    public static func waiting<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        let rules = PoolRules(queues: true, timeouts: true, cancellation: true)
        return ExerciseSuite(
            exercise: GradedExercise.waitingPool.name,
            checks: [
                check(
                    type, "waiters are served first come, first served", 1, rules,
                    PoolStepMix(borrow: 7, release: 4, advance: 2, longestAdvance: 10), configure: withTimeout),
                check(
                    type, "a waiter times out after borrowTimeout, with the pool's state in the error", 2, rules,
                    PoolStepMix(borrow: 6, release: 1, advance: 4, longestAdvance: 120), configure: withTimeout),
                check(
                    type, "a waiter that times out or gives up leaves no trace", 3, rules,
                    PoolStepMix(borrow: 6, release: 3, cancel: 3, advance: 3, longestAdvance: 100),
                    configure: withTimeout),
                check(
                    type, "under a mixed load every borrow ends exactly once", 4, rules,
                    PoolStepMix(borrow: 6, release: 4, cancel: 1, advance: 3, breakConnection: 1),
                    configure: withTimeout
                ),
                inTheWorld(type, 5, timeout: .milliseconds(50)),
            ])
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
        return ExerciseSuite(
            exercise: GradedExercise.leakDetection.name,
            checks: [
                check(
                    type, "reports a connection held past the threshold, at the threshold", 1, rules,
                    PoolStepMix(borrow: 5, release: 2, advance: 4, longestAdvance: 60), configure: configure),
                check(
                    type, "never reclaims a reported connection, and says when it comes back", 2, rules,
                    PoolStepMix(borrow: 5, release: 4, advance: 4, longestAdvance: 80), configure: configure),
                check(
                    type, "connections returned in time are never reported", 3, rules,
                    PoolStepMix(borrow: 5, release: 6, cancel: 1, advance: 3, longestAdvance: 8),
                    configure: configure),
                inTheWorld(type, 4, timeout: .milliseconds(200)) { config in
                    config.leakDetectionThreshold = .milliseconds(30)
                },
            ])
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
        let jitterOnly: @Sendable (inout WorldRandom) -> PoolConfig = { random in
            var config = withTimeout(&random)
            config.maxSize = 4
            config.maxLifetime = .milliseconds(Double(200 + random.below(200)))
            config.lifetimeJitter = 0.1
            return config
        }
        return ExerciseSuite(
            exercise: GradedExercise.staleConnections.name,
            checks: [
                check(
                    type, "validates a connection idle long enough before lending it", 1, rules,
                    PoolStepMix(borrow: 5, release: 4, advance: 4, kill: 2, longestAdvance: 30), configure: configure),
                check(
                    type, "closes connections at their max lifetime, lent ones when they come back", 2, rules,
                    PoolStepMix(borrow: 4, release: 3, advance: 5, longestAdvance: 150), configure: configure),
                check(
                    type, "closes idle connections after the idle timeout, never below min idle", 3, rules,
                    PoolStepMix(borrow: 4, release: 4, advance: 5, longestAdvance: 120), configure: configure),
                PropertyCheck<PoolConfig, PoolStep>(
                    name: "connections opened together do not all expire together (jitter)", number: 4, cases: 10,
                    steps: 0,
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
                        return .init(violation: harness.violation, trace: harness.lines)
                    }
                ).check,
                inTheWorld(type, 5, timeout: .milliseconds(200)) { config in
                    config.validation = .onBorrow(ifIdleFor: .milliseconds(5))
                    config.maxLifetime = .milliseconds(300)
                    config.idleTimeout = .milliseconds(100)
                    config.housekeepingInterval = .milliseconds(20)
                },
            ])
    }

    /// Exercise 6: open min idle at start, keep it, refill after faults and failed opens.
    public static func warmUp<Pool: PoolExercise>(_ type: Pool.Type) -> ExerciseSuite {
        let rules = PoolRules(queues: true, timeouts: true, cancellation: true, minIdle: true)
        let configure: @Sendable (inout WorldRandom) -> PoolConfig = { random in
            var config = withTimeout(&random)
            config.maxSize = 2 + random.below(3)
            config.minIdle = 1 + random.below(config.maxSize)
            config.housekeepingInterval = .milliseconds(30)
            return config
        }
        return ExerciseSuite(
            exercise: GradedExercise.warmUp.name,
            checks: [
                check(
                    type, "opens min idle connections at start", 1, rules,
                    PoolStepMix(borrow: 2, release: 2, advance: 4, longestAdvance: 20), configure: configure),
                check(
                    type, "refills to min idle after connections break", 2, rules,
                    PoolStepMix(borrow: 3, release: 3, advance: 4, breakConnection: 3, longestAdvance: 50),
                    configure: configure),
                check(
                    type, "keeps trying when opening a connection fails", 3, rules,
                    PoolStepMix(
                        borrow: 3, release: 3, advance: 5, breakConnection: 2, failOpens: 2, longestAdvance: 60),
                    configure: configure),
                check(
                    type, "a warm pool still serves waiters first come, first served", 4, rules,
                    PoolStepMix(borrow: 7, release: 4, cancel: 1, advance: 2, kill: 1, longestAdvance: 20),
                    configure: configure),
                inTheWorld(type, 5, timeout: .milliseconds(100)) { config in
                    config.minIdle = 2
                    config.housekeepingInterval = .milliseconds(30)
                },
            ])
    }

    // MARK: Building checks

    /// A plain pool of 1 to 4 connections with no timers, housekeeping every 50 ms.
    @Sendable static func plain(_ random: inout WorldRandom) -> PoolConfig {
        var config = PoolConfig.plain(size: 1 + random.below(4))
        config.housekeepingInterval = .milliseconds(50)
        config.retryDelay = .milliseconds(10)
        config.maxRetryDelay = .milliseconds(80)
        return config
    }

    /// A plain pool with a borrow timeout of 20 to 200 ms.
    @Sendable static func withTimeout(_ random: inout WorldRandom) -> PoolConfig {
        var config = plain(&random)
        config.borrowTimeout = .milliseconds(Double(20 + random.below(181)))
        return config
    }

    static func check<Pool: PoolExercise>(
        _ type: Pool.Type, _ name: String, _ number: Int, _ rules: PoolRules, _ mix: PoolStepMix,
        configure: @escaping @Sendable (inout WorldRandom) -> PoolConfig = plain, cases: Int = 40, steps: Int = 60
    ) -> Check {
        PropertyCheck<PoolConfig, PoolStep>(
            name: name, number: number, cases: cases, steps: steps,
            draw: { random, count in (configure(&random), mix.steps(count: count, random: &random)) },
            execute: { config, steps, seed, recording in
                var harness = PoolHarness<Pool>(config: config, seed: seed, rules: rules, recording: recording)
                harness.run(steps)
                return .init(violation: harness.violation, trace: harness.lines)
            }
        ).check
    }
}
