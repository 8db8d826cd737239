/// The ranges a person may type, checked where numbers are parsed (durations, rates, whole numbers) before
/// they become nanoseconds or counts: past them the world's arithmetic would overflow, or a run would
/// allocate gigabytes. Each error names the accepted range.
public enum InputLimits {
    /// The longest duration anyone may type: a week of virtual time (`advance 168h`, `pg_sleep(604800)`).
    public static let longestDuration = SimDuration(nanoseconds: 7 * 24 * 3_600 * 1_000_000_000)
    /// `168h`, for messages.
    public static let longestDurationText = "168h (7 days)"
    /// Arrival rates from one an hour to a million a second.
    public static let arrivalRates: ClosedRange<Double> = (1.0 / 3_600)...1_000_000

    /// How far a world's clock may run: far from where its nanoseconds would overflow (292 years),
    /// however many times a learner advances it.
    public static let horizon = SimDuration(nanoseconds: 10 * 365 * 24 * 3_600 * 1_000_000_000)

    /// Throws when moving the clock from `now` by `duration` would pass the horizon.
    public static func checkHorizon(now: Int64, adding duration: SimDuration) throws(InputError) {
        guard now <= horizon.nanoseconds - duration.nanoseconds else {
            throw InputError(
                "the world's clock stops at 10 years (it is at \(SimDuration(nanoseconds: now))); "
                    + "'lab reset' starts a fresh world")
        }
    }

    /// A whole number in `range`, or an error naming `what` and the range.
    public static func wholeNumber(_ text: String, _ what: String, in range: ClosedRange<Int>) throws(InputError) -> Int
    {
        guard let value = Int(text.replacingUnderscores()) else {
            throw InputError("\(what) takes \(describe(range)), got '\(text)'")
        }
        try check(value, what, in: range)
        return value
    }

    /// Checks a number that arrived already parsed (a `sim` flag).
    public static func check(_ value: Int, _ what: String, in range: ClosedRange<Int>) throws(InputError) {
        guard range.contains(value) else { throw InputError("\(what) takes \(describe(range)), got \(value)") }
    }

    /// `a whole number from 1 to 10000`
    public static func describe(_ range: ClosedRange<Int>) -> String {
        "a whole number from \(range.lowerBound) to \(range.upperBound)"
    }
}

extension String {
    /// `100_000` as people write it in Swift and Python.
    fileprivate func replacingUnderscores() -> String {
        String(filter { $0 != "_" })
    }
}
