import Testing

@testable import RealServers

@Suite struct SampleTests {
    @Test func medianAndP95AreNearestRank() {
        let sample = Sample(milliseconds: (1...20).map(Double.init).reversed())
        #expect(sample.median == 10)
        #expect(sample.p95 == 19)
        #expect(sample.percentile(100) == 20)
    }

    @Test func oneTimingIsEveryPercentileAndNoneIsZero() {
        #expect(Sample(milliseconds: [2.5]).p95 == 2.5)
        #expect(Sample(milliseconds: [2.5]).median == 2.5)
        #expect(Sample(milliseconds: []).median == 0)
    }
}
