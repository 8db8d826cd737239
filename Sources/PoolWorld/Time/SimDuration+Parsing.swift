extension SimDuration {
    /// The units a duration may be written in, for error messages.
    static let unitList = "ns, us, ms, s, m (or min), h"

    /// Parses a duration as people write it: `40ms`, `0.04s`, `2m`, `30s`, `1h`, `250us`.
    ///
    /// A unit is required: a bare `40` could mean milliseconds (HikariCP) or seconds (PgBouncer), and guessing
    /// wrong by a factor of a thousand is exactly the mistake the course warns about.
    /// - Throws: `InputError` saying what was wrong and what is accepted.
    public init(parsing text: String) throws(InputError) {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else {
            throw InputError("empty duration: expected a number and a unit, e.g. 40ms, 0.04s, 2m, 1h")
        }
        let (numberPart, unitPart) = trimmed.splitNumberAndUnit()
        guard !numberPart.isEmpty, let value = Double(numberPart), value.isFinite else {
            throw InputError("duration \"\(trimmed)\" does not start with a number: expected e.g. 40ms, 0.04s, 2m, 1h")
        }
        guard value >= 0 else {
            throw InputError("duration \"\(trimmed)\" is negative: durations must be 0 or more")
        }
        guard !unitPart.isEmpty else {
            throw InputError(
                "duration \"\(trimmed)\" has no unit: write \(numberPart)ms or \(numberPart)s (units: \(Self.unitList))"
            )
        }
        let nanosecondsPerUnit: Double
        switch unitPart.lowercased() {
        case "ns": nanosecondsPerUnit = 1
        case "us", "µs": nanosecondsPerUnit = 1e3
        case "ms": nanosecondsPerUnit = 1e6
        case "s", "sec", "secs": nanosecondsPerUnit = 1e9
        case "m", "min", "mins": nanosecondsPerUnit = 60e9
        case "h", "hr", "hrs": nanosecondsPerUnit = 3600e9
        default:
            throw InputError(
                "duration \"\(trimmed)\" has unknown unit \"\(unitPart)\": use \(Self.unitList)")
        }
        let nanoseconds = (value * nanosecondsPerUnit).rounded()
        guard nanoseconds <= Double(InputLimits.longestDuration.nanoseconds) else {
            throw InputError(
                "duration \"\(trimmed)\" is out of range: use 0 to \(InputLimits.longestDurationText)")
        }
        self.init(nanoseconds: Int64(nanoseconds))
    }
}

extension String {
    /// The string without leading and trailing spaces, tabs and newlines (no Foundation needed).
    func trimmingWhitespace() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// Splits `"0.04s"` into `("0.04", "s")`: the leading number (digits, one dot, a sign) and the rest.
    func splitNumberAndUnit() -> (number: String, unit: String) {
        var end = startIndex
        var seenDot = false
        while end < endIndex {
            let character = self[end]
            if character.isASCII, character.isNumber {
            } else if character == "." && !seenDot {
                seenDot = true
            } else if (character == "-" || character == "+") && end == startIndex {
            } else {
                break
            }
            end = index(after: end)
        }
        return (String(self[..<end]), String(self[end...]).trimmingWhitespace())
    }
}
