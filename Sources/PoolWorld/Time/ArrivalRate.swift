/// How often requests arrive: a number of events per second.
public struct ArrivalRate: Hashable, Sendable, CustomStringConvertible {
    /// Arrivals per second; always finite and greater than zero.
    public let perSecond: Double

    /// Creates a rate of `perSecond` arrivals per second.
    public init(perSecond: Double) {
        precondition(perSecond > 0 && perSecond.isFinite, "an arrival rate must be finite and above zero")
        self.perSecond = perSecond
    }

    /// The mean gap between two arrivals.
    public var meanGap: SimDuration { .seconds(1 / perSecond) }

    /// Parses `400/s`, `400` (per second), `24000/min` (or `/m`), `1.5/ms`, `100/h`.
    ///
    /// - Throws: `InputError` saying what was wrong and what is accepted.
    public init(parsing text: String) throws(InputError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw InputError("empty rate: expected arrivals per second, e.g. 400/s or 400")
        }
        let parts = trimmed.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        let numberPart = String(parts[0]).trimmingWhitespace()
        guard let value = Double(numberPart), value.isFinite else {
            throw InputError("rate \"\(trimmed)\" does not start with a number: expected e.g. 400/s or 400")
        }
        guard value > 0 else {
            throw InputError("rate \"\(trimmed)\" must be above zero: expected e.g. 400/s")
        }
        var secondsPerUnit = 1.0
        if parts.count == 2 {
            switch String(parts[1]).trimmingWhitespace().lowercased() {
            case "s", "sec", "second": secondsPerUnit = 1
            case "ms": secondsPerUnit = 1e-3
            case "m", "min", "minute": secondsPerUnit = 60
            case "h", "hour": secondsPerUnit = 3600
            default:
                throw InputError(
                    "rate \"\(trimmed)\" has unknown unit \"/\(parts[1])\": use /s, /ms, /min or /h (a bare number means /s)"
                )
            }
        }
        let perSecond = value / secondsPerUnit
        guard InputLimits.arrivalRates.contains(perSecond) else {
            throw InputError("rate \"\(trimmed)\" is out of range: use 1/h to 1000000/s")
        }
        self.init(perSecond: perSecond)
    }

    /// `400/s`, with up to three decimals.
    public var description: String { DurationFormat.number(perSecond) + "/s" }
}
