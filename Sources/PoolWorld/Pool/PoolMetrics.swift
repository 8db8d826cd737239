import Histogram

/// A pool's gauges at one moment, as HikariCP's `HikariPoolMXBean` or deadpool's `Status` show them.
public struct PoolMetrics: Hashable, Sendable, CustomStringConvertible {
    /// Open connections (idle, lent or being validated).
    public var total: Int
    /// Connections ready to lend.
    public var idle: Int
    /// Connections lent (or being validated for a borrower).
    public var active: Int
    /// Borrowers waiting.
    public var waiting: Int
    /// Connections being opened.
    public var pending: Int

    public init(total: Int, idle: Int, active: Int, waiting: Int, pending: Int) {
        self.total = total
        self.idle = idle
        self.active = active
        self.waiting = waiting
        self.pending = pending
    }

    /// `total=10, active=10, idle=0, waiting=3`, HikariCP's order.
    public var description: String {
        "total=\(total), active=\(active), idle=\(idle), waiting=\(waiting)"
    }
}

/// The reference pool's running totals.
public struct PoolCounters: Hashable, Sendable {
    /// Connections opened successfully.
    public var created = 0
    /// Attempts to open that failed.
    public var openFailures = 0
    /// Connections closed, by reason (indexed by `CloseReason.rawValue`).
    public var closedByReason = [Int](repeating: 0, count: CloseReason.allCases.count)
    /// Borrows asked for.
    public var borrows = 0
    /// Borrows answered with a connection.
    public var lent = 0
    /// Borrows that had to wait in line.
    public var waited = 0
    /// Borrows that timed out.
    public var timeouts = 0
    /// Borrows failed otherwise (connect error, cancelled, shut down).
    public var failedOtherwise = 0
    /// Validation pings sent, and those that failed.
    public var validations = 0
    public var validationsFailed = 0
    /// Leak reports made, and reported connections that came back later.
    public var leaksReported = 0
    public var unleaked = 0

    public init() {}

    /// Connections closed for `reason`.
    public func closed(_ reason: CloseReason) -> Int { closedByReason[reason.rawValue] }

    /// Connections closed for any reason.
    public var closedTotal: Int { closedByReason.reduce(0, +) }
}

/// The wait-time histogram a pool keeps (nanoseconds, three significant digits).
public typealias WaitHistogram = Histogram<UInt64>

extension WaitHistogram {
    /// A histogram for durations in nanoseconds from 1 µs to an hour (it grows if needed).
    static func durations() -> Histogram<UInt64> {
        var histogram = Histogram<UInt64>(
            lowestDiscernibleValue: 1_000, highestTrackableValue: 3_600_000_000_000,
            numberOfSignificantValueDigits: .three)
        histogram.autoResize = true
        return histogram
    }
}
