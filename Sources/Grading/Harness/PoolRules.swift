import PoolWorld

/// Which parts of the pool contract an exercise grades. Every exercise grades the core (one borrower per
/// connection, the maximum, first come first served, every borrow answered once, gauges that add up); each
/// later exercise adds its own.
struct PoolRules: Sendable {
    /// Borrowers queue when the pool is at its limit (exercise 3 on); otherwise such a borrow fails at once.
    var queues = false
    /// A waiting borrower fails with a timeout when `borrowTimeout` has passed.
    var timeouts = false
    /// `borrowCancelled` fails the borrow with `.cancelled` at once.
    var cancellation = false
    /// Leases longer than `leakDetectionThreshold` are reported, and never reclaimed.
    var leakDetection = false
    /// Validation on borrow, maximum lifetime with jitter, idle timeout above `minIdle`.
    var staleness = false
    /// `minIdle` connections are opened at start and kept (refilled after faults).
    var minIdle = false
    /// A failed open is retried after a growing delay (`openRetry`), with no open meanwhile.
    var retries = false
}
