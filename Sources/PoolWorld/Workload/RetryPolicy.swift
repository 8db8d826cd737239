/// What a request does when its borrow times out (or, optionally, fails otherwise): give up or try again.
public struct RetryPolicy: Hashable, Sendable {
    /// How long to wait before the next attempt.
    public enum Backoff: Hashable, Sendable {
        /// Try again at once: under overload, this adds load exactly when there is least room for it.
        case none
        /// Wait the same time before each attempt.
        case constant(SimDuration)
        /// Wait `base × 2^(attempt−1)`, at most `cap`; with `jitter`, a uniform random part of that
        /// ("full jitter"), so that retries of requests that failed together spread out.
        case exponential(base: SimDuration, cap: SimDuration, jitter: Bool)
    }

    /// Attempts in all, the first included; 1 means no retries.
    public var maxAttempts: Int
    public var backoff: Backoff
    /// Also retry after errors other than timeouts (connection lost, server errors).
    public var retryErrors: Bool

    public init(maxAttempts: Int = 1, backoff: Backoff = .none, retryErrors: Bool = false) {
        self.maxAttempts = maxAttempts
        self.backoff = backoff
        self.retryErrors = retryErrors
    }

    /// No retries.
    public static let never = RetryPolicy()

    /// The delay before attempt `attempt + 1`, after `attempt` attempts failed.
    func delay(after attempt: Int, random: inout WorldRandom) -> Int64 {
        switch backoff {
        case .none:
            return 0
        case .constant(let delay):
            return delay.nanoseconds
        case .exponential(let base, let cap, let jitter):
            let growth = Double(base.nanoseconds) * power(2, max(0, attempt - 1))
            let ceiling = min(growth, Double(cap.nanoseconds))
            return Int64(jitter ? random.nextUnit() * ceiling : ceiling)
        }
    }
}
