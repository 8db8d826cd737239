import Grading
import Testing

@testable import Solutions

/// Realistic wrong pools fail, under the rule they break and with a diagnostic that shows the value the pool
/// sent; the reference solutions they are made from pass (ReferenceSolutionTests).
@Suite struct WrongPoolTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var suite: ExerciseSuite
        var rule: String
        var diagnostic: String
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(
            name: "a pool that never lends, in exercise 2", suite: PoolSuites.fixedSize(AlwaysShutDown.self),
            rule: "answers every borrow exactly once", diagnostic: "but the pool was never shut down"),
        Case(
            name: "a pool that never lends, in exercise 3", suite: PoolSuites.waiting(AlwaysShutDown.self),
            rule: "answers every borrow exactly once", diagnostic: "but the pool was never shut down"),
        Case(
            name: "a pool that never lends, in exercise 4", suite: PoolSuites.leakDetection(AlwaysShutDown.self),
            rule: "answers every borrow exactly once", diagnostic: "but the pool was never shut down"),
        Case(
            name: "a pool that never lends, in exercise 5", suite: PoolSuites.staleConnections(AlwaysShutDown.self),
            rule: "answers every borrow exactly once", diagnostic: "but the pool was never shut down"),
        Case(
            name: "a pool that never lends, in exercise 6", suite: PoolSuites.warmUp(AlwaysShutDown.self),
            rule: "answers every borrow exactly once", diagnostic: "but the pool was never shut down"),
        Case(
            name: "exercise 2's pool in exercise 3", suite: PoolSuites.waiting(FixedSizePool.self),
            rule: "serves borrowers first come, first served", diagnostic: "append .enqueue"),
        Case(
            name: "a timeout error that leaves the borrower out of waiting",
            suite: PoolSuites.waiting(Slipped<WaitingPool, WaitingWithoutItself>.self),
            rule: "a waiter times out after borrowTimeout", diagnostic: "waiting counts r"),
        Case(
            name: "a spare connection opened on every return",
            suite: PoolSuites.waiting(Slipped<WaitingPool, OpensASpare>.self),
            rule: "never opens more than its maximum, and opens only when", diagnostic: "and no more"),
        Case(
            name: "a line numbered from 0", suite: PoolSuites.waiting(Slipped<WaitingPool, ZeroBasedPositions>.self),
            rule: "serves borrowers first come, first served", diagnostic: "at position 0, but it is number 1"),
        Case(
            name: "overflow never used", suite: PoolSuites.waiting(IgnoresOverflow.self),
            rule: "answers every borrow exactly once", diagnostic: "has room for another connection"),
        Case(
            name: "an unleak report with the wrong duration",
            suite: PoolSuites.leakDetection(Slipped<LeakDetectingPool, UnleakedAtTheThreshold>.self),
            rule: "never reclaims a reported connection", diagnostic: "but it was held for"),
        Case(
            name: "lifetime jitter from the system's random generator",
            suite: PoolSuites.staleConnections(Slipped<FreshPool, SystemRandomJitter>.self),
            rule: "gives the same run for the same seed", diagnostic: "the same seed gave two different runs"),
        Case(
            name: "surplus connections closed as idle timeouts without one",
            suite: PoolSuites.waiting(Slipped<WaitingPool, ClosesSurplusOnReturn>.self),
            rule: "closes a connection only for a reason", diagnostic: "but the idle timeout is off"),
        Case(
            name: "retries without backoff", suite: PoolSuites.warmUp(Slipped<WarmPool, RetryWithoutBackoff>.self),
            rule: "retries a failed open after a growing delay", diagnostic: "× 1.25 per failure"),
        Case(
            name: "warm-up that opens the whole pool", suite: PoolSuites.warmUp(OpensEverythingAtStart.self),
            rule: "never opens more than its maximum, and opens only when", diagnostic: "then up to min idle"),
    ]

    @Test(arguments: cases)
    func failsUnderItsRule(_ wrong: Case) {
        let report = wrong.suite.run()
        #expect(!report.passed, "\(wrong.name) passed \(report.exercise)")
        let failure = report.failed.first { $0.name.hasPrefix(wrong.rule) }
        let got = report.failed.map { "\($0.name): \($0.message ?? "")" }.joined(separator: " | ")
        #expect(
            failure?.message?.contains(wrong.diagnostic) == true,
            "expected '\(wrong.rule)' to fail with '\(wrong.diagnostic)'; got: \(got)")
        if let failure {
            #expect(failure.seed != nil && !failure.trace.isEmpty, "a failure comes with its seed and trace")
        }
    }
}
