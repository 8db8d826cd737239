import Histogram

/// Accumulates a run's measurements as it goes, cheaply enough for the hot path.
///
/// Counts and sums are integers; the time-averaged gauges (requests in the system, borrowers waiting,
/// connections lent) are areas under their step curves, updated whenever a gauge changes. Little's law
/// compares those areas with the per-request sums.
struct ResultsRecorder {
    var requests = 0
    var completed = 0
    var timedOut = 0
    var errored = 0
    var requestsThatWaited = 0
    var totalWait: Int64 = 0
    var totalSojourn: Int64 = 0
    var totalHeld: Int64 = 0
    var retries = 0
    var leaksReported = 0
    var errorsByMessage: [String: Int] = [:]
    var latency = WaitHistogram.durations()
    var waits = WaitHistogram.durations()

    // Gauges and their areas (nanosecond-weighted).
    private(set) var inSystem = 0
    private(set) var waitingBorrows = 0
    private(set) var lentConnections = 0
    private(set) var maxWaiting = 0
    private var lastChange: Int64 = 0
    private(set) var inSystemArea = 0.0
    private(set) var waitingArea = 0.0
    private(set) var lentArea = 0.0
    private(set) var lastEnd: Int64 = 0

    @inline(__always)
    private mutating func integrate(_ now: Int64) {
        let elapsed = now - lastChange
        if elapsed > 0 {
            let span = Double(elapsed)
            inSystemArea += Double(inSystem) * span
            waitingArea += Double(waitingBorrows) * span
            lentArea += Double(lentConnections) * span
            lastChange = now
        }
    }

    mutating func arrived(_ now: Int64) {
        integrate(now)
        requests += 1
        inSystem += 1
    }

    mutating func borrowWaits(_ now: Int64) {
        integrate(now)
        waitingBorrows += 1
        if waitingBorrows > maxWaiting { maxWaiting = waitingBorrows }
    }

    mutating func borrowStopsWaiting(_ now: Int64) {
        integrate(now)
        waitingBorrows -= 1
    }

    mutating func connectionLent(_ now: Int64) {
        integrate(now)
        lentConnections += 1
    }

    mutating func connectionBack(_ now: Int64, heldFor: Int64) {
        integrate(now)
        lentConnections -= 1
        totalHeld += heldFor
    }

    /// A request ended; `outcome` nil means completed.
    mutating func ended(_ now: Int64, arrivedAt: Int64, waited: Int64, error: String?, timedOut isTimeout: Bool) {
        integrate(now)
        inSystem -= 1
        lastEnd = max(lastEnd, now)
        let sojourn = now - arrivedAt
        totalSojourn += sojourn
        totalWait += waited
        if waited > 0 { requestsThatWaited += 1 }
        waits.record(UInt64(max(0, waited)))
        if let error {
            if isTimeout { timedOut += 1 } else { errored += 1 }
            errorsByMessage[error, default: 0] += 1
        } else {
            completed += 1
            latency.record(UInt64(max(0, sojourn)))
        }
    }

    /// Brings the areas up to `now` (at the end of a run).
    mutating func close(at now: Int64) {
        integrate(now)
    }
}
