import PoolWorld

/// A latency histogram on its side, one bar per bucket, with the buckets holding p50, p95 and p99 marked.
enum LatencyChart {
    static func draw(_ result: SimulationResult, width: Int, rows: Int = 10) -> String {
        let buckets = result.latencyBuckets(rows)
        guard !buckets.isEmpty else { return "(no completed requests)" }
        let marks: [(String, SimDuration)] = [50, 95, 99].map { ("p\(Int($0))", result.latency(percentile: $0)) }
        let labels = buckets.map { "≤ \($0.upTo)" }
        let labelWidth = labels.map(\.count).max() ?? 0
        // Which percentiles fall in each bucket, worked out first so the bars leave room for them.
        var previous = SimDuration.zero
        let notes = buckets.enumerated().map { index, bucket -> String in
            defer { previous = bucket.upTo }
            return marks.filter { ($0.1 > previous || index == 0) && $0.1 <= bucket.upTo }
                .map { "◂ \($0.0) \($0.1)" }.joined(separator: " ")
        }
        let countWidth = buckets.map { "\($0.count)".count }.max() ?? 1
        let noteWidth = notes.map(\.count).max() ?? 0
        let barWidth = max(5, width - labelWidth - countWidth - noteWidth - 3)
        let most = buckets.map(\.count).max() ?? 1
        var lines: [String] = []
        for (index, bucket) in buckets.enumerated() {
            let length = most == 0 ? 0 : Int((Double(bucket.count) / Double(most) * Double(barWidth)).rounded())
            lines.append(
                labels[index].padding(toLength: labelWidth, withPad: " ", startingAt: 0) + " "
                    + String(repeating: "█", count: length).padding(toLength: barWidth, withPad: " ", startingAt: 0)
                    + " " + "\(bucket.count)".padding(toLength: countWidth, withPad: " ", startingAt: 0) + " "
                    + notes[index])
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}
