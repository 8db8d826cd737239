/// Formatting of durations without Foundation, so output is the same on every platform.
enum DurationFormat {
    /// The shortest readable form of `duration`; see `SimDuration.description`.
    static func format(_ duration: SimDuration) -> String {
        let ns = duration.nanoseconds
        if ns == 0 { return "0s" }
        if ns < 0 { return "-" + format(SimDuration(nanoseconds: -ns)) }
        let hour: Int64 = 3_600_000_000_000
        let minute: Int64 = 60_000_000_000
        if ns % hour == 0 { return "\(ns / hour)h" }
        if ns % minute == 0 && ns >= minute { return "\(ns / minute)m" }
        if ns >= 1_000_000_000 { return trimmed(ns, unit: 1_000_000_000) + "s" }
        if ns >= 1_000_000 { return trimmed(ns, unit: 1_000_000) + "ms" }
        if ns >= 1_000 { return trimmed(ns, unit: 1_000) + "us" }
        return "\(ns)ns"
    }

    /// `value / unit` with up to three decimals, trailing zeros removed.
    static func trimmed(_ value: Int64, unit: Int64) -> String {
        // Round to three decimals of the unit first, so 1.9996 becomes 2 rather than 1.999.
        // Whole units and the rest apart: `value * 1_000` overflows past about 106 days of nanoseconds.
        let thousandths = value / unit * 1_000 + (value % unit * 1_000 + unit / 2) / unit
        var text = fixedThousandths(thousandths)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Nanoseconds as seconds with exactly `decimals` decimals (rounded half up), e.g. `0.018`.
    static func fixed(_ nanoseconds: Int64, decimals: Int) -> String {
        var scale: Int64 = 1
        for _ in 0..<decimals { scale *= 10 }
        let negative = nanoseconds < 0
        let magnitude = negative ? -nanoseconds : nanoseconds
        let unitsPerStep = 1_000_000_000 / scale
        let steps = (magnitude + unitsPerStep / 2) / unitsPerStep
        var fraction = String(steps % scale)
        while fraction.count < decimals { fraction = "0" + fraction }
        let whole = String(steps / scale)
        let body = decimals > 0 ? whole + "." + fraction : whole
        return negative ? "-" + body : body
    }

    /// A floating-point number with up to `decimals` decimals, trailing zeros removed.
    ///
    /// Reports use this for rates and percentages; it avoids `String(format:)`, which needs Foundation.
    static func number(_ value: Double, decimals: Int = 3) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        var scale = 1.0
        for _ in 0..<decimals { scale *= 10 }
        let rounded = (abs(value) * scale).rounded()
        guard rounded < 9e18 else { return String(value) }
        let units = Int64(rounded)
        let whole = units / Int64(scale)
        var text = String(whole)
        if decimals > 0 {
            var fraction = String(units % Int64(scale))
            while fraction.count < decimals { fraction = "0" + fraction }
            while fraction.hasSuffix("0") { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return value < 0 && units != 0 ? "-" + text : text
    }

    private static func fixedThousandths(_ thousandths: Int64) -> String {
        let whole = thousandths / 1_000
        let fraction = thousandths % 1_000
        if fraction == 0 { return String(whole) }
        var digits = String(fraction)
        while digits.count < 3 { digits = "0" + digits }
        return "\(whole).\(digits)"
    }
}
