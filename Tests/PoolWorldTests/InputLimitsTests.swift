import Testing

@testable import PoolWorld

/// The ranges people may type, checked where numbers are parsed.
@Suite struct InputLimitsTests {
    @Test func durationsAndRatesStopAtTheirDocumentedRange() throws {
        #expect(try SimDuration(parsing: "168h") == InputLimits.longestDuration)
        #expect(throws: InputError("duration \"169h\" is out of range: use 0 to 168h (7 days)")) {
            try SimDuration(parsing: "169h")
        }
        #expect(try ArrivalRate(parsing: "1/h").perSecond == 1.0 / 3_600)
        #expect(throws: InputError("rate \"1e-12/s\" is out of range: use 1/h to 1000000/s")) {
            try ArrivalRate(parsing: "1e-12/s")
        }
    }

    @Test func wholeNumbersNameTheirRange() throws {
        #expect(try InputLimits.wholeNumber("1_000", "--requests", in: 1...10_000) == 1_000)
        #expect(throws: InputError("--requests takes a whole number from 1 to 10000, got '99999999999999999999'")) {
            try InputLimits.wholeNumber("99999999999999999999", "--requests", in: 1...10_000)
        }
        #expect(throws: InputError("--retries takes a whole number from 0 to 100, got 101")) {
            try InputLimits.check(101, "--retries", in: 0...100)
        }
    }

    @Test func theClockStopsAtItsHorizonRatherThanOverflowing() throws {
        let almost = InputLimits.horizon.nanoseconds - InputLimits.longestDuration.nanoseconds
        try InputLimits.checkHorizon(now: almost, adding: InputLimits.longestDuration)
        #expect(throws: InputError.self) {
            try InputLimits.checkHorizon(now: almost + 1, adding: InputLimits.longestDuration)
        }
        // Long clocks print without overflowing: 200 days and a millisecond.
        #expect("\(SimDuration(nanoseconds: 200 * 86_400 * 1_000_000_000 + 1_000_000))" == "17280000.001s")
        let world = World()
        _ = try world.advance(by: .seconds(1))
        #expect(world.now.nanoseconds == 1_000_000_000)
    }
}
