extension SimulationResult {
    /// Completed requests' latencies in `count` equal buckets from the fastest to the 99.9th percentile
    /// (slower ones fall in the last), for a histogram chart.
    public func latencyBuckets(_ count: Int) -> [(upTo: SimDuration, count: Int)] {
        guard latency.totalCount > 0, count > 0 else { return [] }
        let low = latency.min
        let high = max(latency.valueAtPercentile(99.9), low + UInt64(count))
        let width = (high - low) / UInt64(count) + 1
        var buckets: [(upTo: SimDuration, count: Int)] = []
        var start = low
        for index in 0..<count {
            let end = index == count - 1 ? max(latency.max, start) : start + width - 1
            buckets.append((SimDuration(nanoseconds: Int64(end)), Int(latency.count(within: start...end))))
            start = end + 1
        }
        return buckets
    }
}
