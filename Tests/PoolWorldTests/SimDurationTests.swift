import Testing

@testable import PoolWorld

@Suite struct SimDurationTests {
    @Test(
        arguments: [
            ("40ms", 40_000_000), ("0.04s", 40_000_000), ("2m", 120_000_000_000), ("30s", 30_000_000_000),
            ("1h", 3_600_000_000_000), ("250us", 250_000), ("7ns", 7), ("1.5min", 90_000_000_000),
            (" 5 ms ", 5_000_000),
        ] as [(String, Int64)])
    func parsesWhatPeopleWrite(text: String, nanoseconds: Int64) throws {
        #expect(try SimDuration(parsing: text).nanoseconds == nanoseconds)
    }

    @Test func rejectsInputWithAnExplanation() {
        #expect(
            throws: InputError("duration \"40\" has no unit: write 40ms or 40s (units: ns, us, ms, s, m (or min), h)")
        ) {
            try SimDuration(parsing: "40")
        }
        #expect(throws: InputError("duration \"40x\" has unknown unit \"x\": use ns, us, ms, s, m (or min), h")) {
            try SimDuration(parsing: "40x")
        }
        #expect(throws: InputError("duration \"-5s\" is negative: durations must be 0 or more")) {
            try SimDuration(parsing: "-5s")
        }
        #expect(throws: InputError("duration \"fast\" does not start with a number: expected e.g. 40ms, 0.04s, 2m, 1h"))
        {
            try SimDuration(parsing: "fast")
        }
        #expect(throws: InputError("empty duration: expected a number and a unit, e.g. 40ms, 0.04s, 2m, 1h")) {
            try SimDuration(parsing: "")
        }
    }

    @Test(
        arguments: [
            (0, "0s"), (40_000_000, "40ms"), (1_500_000_000, "1.5s"), (120_000_000_000, "2m"),
            (3_600_000_000_000, "1h"),
            (90_000_000_000, "90s"), (250_000, "250us"), (7, "7ns"), (18_000_000, "18ms"), (1_999_600, "2ms"),
        ] as [(Int64, String)])
    func formatsShortly(nanoseconds: Int64, text: String) {
        #expect(SimDuration(nanoseconds: nanoseconds).description == text)
    }

    @Test func formattedDurationsParseBack() throws {
        for nanoseconds: Int64 in [1, 999, 40_000_000, 1_500_000_000, 120_000_000_000, 3_600_000_000_000] {
            let duration = SimDuration(nanoseconds: nanoseconds)
            #expect(try SimDuration(parsing: duration.description) == duration)
        }
    }

    @Test func instantsPrintAsTraceStamps() {
        #expect(SimInstant(nanoseconds: 18_000_000).description == "t=0.018s")
        #expect(SimInstant(nanoseconds: 61_234_600_000).description == "t=61.235s")
    }
}

@Suite struct ArrivalRateTests {
    @Test(arguments: [("400/s", 400.0), ("400", 400), ("24000/min", 400), ("0.4/ms", 400), ("3600/h", 1)])
    func parsesRates(text: String, perSecond: Double) throws {
        #expect(abs(try ArrivalRate(parsing: text).perSecond - perSecond) < 1e-9)
    }

    @Test func rejectsBadRates() {
        #expect(
            throws: InputError(
                "rate \"400/d\" has unknown unit \"/d\": use /s, /ms, /min or /h (a bare number means /s)")
        ) {
            try ArrivalRate(parsing: "400/d")
        }
        #expect(throws: InputError("rate \"0/s\" must be above zero: expected e.g. 400/s")) {
            try ArrivalRate(parsing: "0/s")
        }
        #expect(throws: InputError("rate \"many\" does not start with a number: expected e.g. 400/s or 400")) {
            try ArrivalRate(parsing: "many")
        }
    }

    @Test func describesItselfPerSecond() throws {
        #expect(try ArrivalRate(parsing: "24000/min").description == "400/s")
        #expect(ArrivalRate(perSecond: 400).meanGap == .milliseconds(2.5))
    }
}
