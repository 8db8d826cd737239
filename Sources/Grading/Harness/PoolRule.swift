import PoolWorld

/// A rule of the pool contract, as the learner reads it in a grade: each pool exercise is graded rule by rule,
/// and a failure is reported under the rule it broke.
///
/// Every kind of violation the harness can find (`Violation.category`) belongs to exactly one rule, and every
/// situation that puts a rule to the test (`Situation`) is counted under its rule, so a report can say how
/// often each rule was exercised and a test can prove that none was left untested.
enum PoolRule: String, CaseIterable, Sendable {
    case lending
    case maximum
    case order
    case answers
    case timeout
    case cancellation
    case gauges
    case closing
    case breaks
    case leakReport
    case noReclaim
    case validation
    case lifetime
    case idleTimeout
    case warmUp
    case retry
    case determinism

    /// The check name a learner sees.
    var title: String {
        switch self {
        case .lending: "lends each connection to one borrower at a time, and only one it may lend"
        case .maximum: "never opens more than its maximum, and opens only when a borrower or min idle needs one"
        case .order: "serves borrowers first come, first served"
        case .answers: "answers every borrow exactly once, failing it only for a reason the exercise gives"
        case .timeout: "a waiter times out after borrowTimeout, with the pool's state in the error"
        case .cancellation: "a waiter that gives up is failed at once and leaves no trace"
        case .gauges: "reports metrics that match what it holds"
        case .closing: "closes a connection only for a reason the exercise gives"
        case .breaks: "forgets a connection that breaks, and opens another when needed"
        case .leakReport: "reports a connection held past the threshold, once, at the threshold"
        case .noReclaim: "never reclaims a reported connection, and says when it comes back"
        case .validation: "validates a connection idle long enough before lending it, and only then"
        case .lifetime: "closes connections at their (jittered) max lifetime, lent ones when they come back"
        case .idleTimeout: "closes idle connections after the idle timeout, never below min idle"
        case .warmUp: "opens min idle connections at start and refills to min idle"
        case .retry: "retries a failed open after a growing delay, and opens nothing meanwhile"
        case .determinism: "gives the same run for the same seed"
        }
    }

    /// The rule a violation breaks.
    static func owning(_ category: String) -> PoolRule {
        switch category {
        case "lends twice", "lend unknown", "lends closed", "lends to a borrower who left": .lending
        case "maximum", "exceeds maximum", "unjustified open": .maximum
        case "order", "idle while waiting", "enqueue position": .order
        case "never times out", "timeout error": .timeout
        case "stale timer": .timeout
        case "cancellation": .cancellation
        case "gauges", "leak": .gauges
        case "close", "unjustified close", "early close", "keeps a failed connection": .closing
        case "never reports", "reports early", "leak report": .leakReport
        case "reclaims", "unleaked": .noReclaim
        case "stale", "validate", "unjustified ping": .validation
        case "outlives lifetime", "no jitter": .lifetime
        case "idle timeout", "below min idle": .idleTimeout
        case "no warm-up", "no refill": .warmUp
        case "retry delay", "opens during retry": .retry
        case "nondeterministic": .determinism
        default: .answers
        }
    }
}

/// A situation that puts a rule to the test; the harness counts each one it produces.
enum Situation: String, CaseIterable, Sendable {
    case lend = "a connection lent"
    case lendAfterUse = "a returned connection lent again"
    case atMaximum = "a borrow with every connection open or opening"
    case overflowOpen = "a connection opened above maxSize (maxOverflow)"
    case choiceOfWaiters = "a connection freed with two or more waiting"
    case borrowEnded = "a borrow answered"
    case exhausted = "a borrow failed at once, the pool full"
    case timedOut = "a waiter timed out"
    case cancelled = "a waiter gave up"
    case cancelledDuringPing = "a borrower gave up while its connection was pinged"
    case timedOutDuringPing = "a borrower timed out while its connection was pinged"
    case metrics = "metrics read after an event"
    case closedForReason = "a connection closed by the pool"
    case returned = "a connection returned"
    case breakIdle = "an idle connection broke"
    case breakLent = "a lent connection broke"
    case openFailed = "an open failed"
    case slowOpen = "an open slower than the borrow timeout"
    case leakReported = "a leak reported"
    case unleaked = "a reported connection came back"
    case pinged = "a borrower's connection pinged"
    case pingFailed = "a ping failed"
    case lifetimeIdle = "a lifetime ended while idle"
    case lifetimeLent = "a lifetime ended while lent"
    case lifetimeDuringPing = "a lifetime ended during a ping"
    case idleTimeoutClose = "an idle connection timed out"
    case warmedUp = "min idle opened at start"
    case refilled = "a shortfall below min idle"
    case retryScheduled = "a retry scheduled"
    case retryCapped = "a retry delay at its cap"
    case doubleRun = "a seed run twice"
    case exploredState = "a state of a small world explored exhaustively"

    var rule: PoolRule {
        switch self {
        case .lend, .lendAfterUse: .lending
        case .atMaximum, .overflowOpen: .maximum
        case .choiceOfWaiters: .order
        case .borrowEnded, .exhausted, .exploredState: .answers
        case .timedOut, .slowOpen: .timeout
        case .cancelled, .cancelledDuringPing: .cancellation
        case .metrics: .gauges
        case .closedForReason, .returned: .closing
        case .breakIdle, .breakLent: .breaks
        case .leakReported: .leakReport
        case .unleaked: .noReclaim
        case .pinged, .pingFailed, .timedOutDuringPing: .validation
        case .lifetimeIdle, .lifetimeLent, .lifetimeDuringPing: .lifetime
        case .idleTimeoutClose: .idleTimeout
        case .warmedUp, .refilled: .warmUp
        case .openFailed, .retryScheduled, .retryCapped: .retry
        case .doubleRun: .determinism
        }
    }
}
