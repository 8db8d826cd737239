import Grading
import Testing

@testable import Solutions

/// A pool that hands its events to the shipped ReferencePool is not the learner's own, however it keeps it.
@Suite struct OwnMachineTests {
    /// Only the added check, so that these tests say nothing about the rest of each grader.
    func ownMachine(_ suite: ExerciseSuite) -> CheckResult? {
        ExerciseSuite(
            exercise: suite.exercise, checks: suite.checks.filter { $0.name == ExerciseSuite.ownMachineCheckName }
        )
        .run().checks.first
    }

    @Test func theReferenceSolutionsAreTheirOwn() throws {
        for suite in [
            PoolSuites.fixedSize(FixedSizePool.self).requiringOwnMachine(FixedSizePool.self),
            PoolSuites.waiting(WaitingPool.self).requiringOwnMachine(WaitingPool.self),
            PoolSuites.leakDetection(LeakDetectingPool.self).requiringOwnMachine(LeakDetectingPool.self),
            PoolSuites.staleConnections(FreshPool.self).requiringOwnMachine(FreshPool.self),
            PoolSuites.warmUp(WarmPool.self).requiringOwnMachine(WarmPool.self),
            MultiplexerSuite.suite(Multiplexer.self).requiringOwnMachine(Multiplexer.self),
        ] {
            let result = try #require(ownMachine(suite), "\(suite.exercise) has no own-machine check")
            #expect(result.passed, "\(suite.exercise): \(result.message ?? "")")
        }
    }

    @Test func aWrappedReferencePoolFails() throws {
        for (suite, place) in [
            (PoolSuites.fixedSize(WrapsReferencePool.self).requiringOwnMachine(WrapsReferencePool.self), "self.inner"),
            (PoolSuites.waiting(HidesReferencePool.self).requiringOwnMachine(HidesReferencePool.self), "self.box"),
        ] {
            let result = try #require(ownMachine(suite))
            #expect(!result.passed)
            #expect(result.message?.contains("keeps the shipped ReferencePool (at `\(place)") == true, "\(result)")
        }
    }
}

/// Passes every event to the shipped pool: what `import Grading` made too easy.
struct WrapsReferencePool: PoolExercise {
    var inner: ReferencePool
    init(config: PoolConfig, seed: UInt64) { inner = ReferencePool(config: config, seed: seed) }
    var maximumConnections: Int { inner.maximumConnections }
    var metrics: PoolMetrics { inner.metrics }
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        inner.handle(event, at: now, into: &actions)
    }
}

/// The same, made at the first event and kept behind a class and an existential.
struct HidesReferencePool: PoolExercise {
    final class Box {
        var machine: (any ConnectionPoolStateMachine)?
    }

    let config: PoolConfig
    let box = Box()
    init(config: PoolConfig, seed: UInt64) { self.config = config }
    var maximumConnections: Int { config.maxSize }
    var metrics: PoolMetrics {
        box.machine?.metrics ?? PoolMetrics(total: 0, idle: 0, active: 0, waiting: 0, pending: 0)
    }
    mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        if box.machine == nil { box.machine = ReferencePool(config: config, seed: 1) }
        box.machine?.handle(event, at: now, into: &actions)
    }
}
