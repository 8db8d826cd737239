import Histogram

@testable import PoolWorld

/// A run's results as text, every measured value on a line, and a short fingerprint of that text.
///
/// The golden runs compare fingerprints; the text is what a failure prints, so that a difference can be found.
/// Dictionaries are written in key order (Swift's hashing is seeded per process), doubles as Swift prints them
/// (the shortest text that reads back to the same bits), histograms value by value.
struct RunDigest {
    private(set) var lines: [String] = []

    mutating func add(_ label: String, _ value: Any) {
        lines.append("\(label): \(value)")
    }

    /// FNV-1a over the text: 64 bits is plenty to tell a changed run from an unchanged one.
    var fingerprint: String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for line in lines {
            for byte in line.utf8 {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01b3
            }
            hash ^= 0x0a
            hash &*= 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    var text: String { lines.joined(separator: "\n") }

    mutating func add(_ label: String, histogram: Histogram<UInt64>) {
        var values: [String] = []
        for entry in histogram.recordedValues() {
            values.append("\(entry.value)×\(entry.count)")
        }
        add(label, "n=\(histogram.totalCount) " + values.joined(separator: " "))
    }

    mutating func add(_ label: String, result: SimulationResult) {
        add("\(label).counts", [result.requests, result.completed, result.timedOut, result.errored, result.unfinished])
        add("\(label).waited", "\(result.requestsThatWaited) p=\(result.probabilityOfWaiting) mean=\(result.meanWait)")
        add("\(label).latency", histogram: result.latency)
        add("\(label).waits", histogram: result.waits)
        add("\(label).time", "\(result.simulatedTime.nanoseconds)ns")
        add("\(label).throughput", result.throughputPerSecond)
        add("\(label).utilisation", result.utilisation)
        add("\(label).peaks", "waiting=\(result.maxWaiting) db=\(result.maxDatabaseConnections)")
        add("\(label).cpu", String(describing: result.databaseCPUUtilisation))
        let law = result.littlesLaw
        add(
            "\(label).little",
            [law.meanInSystem, law.arrivalRate, law.meanTimeInSystem, law.meanWaiting, law.meanWaitTime])
        add("\(label).retries", result.retries)
        for key in result.errorsByMessage.keys.sorted() {
            add("\(label).error", "\(key) ×\(result.errorsByMessage[key] ?? 0)")
        }
        add("\(label).leaks", result.leaksReported)
        add("\(label).pools", result.poolMetrics.map { "\($0)" })
        add("\(label).counters", result.poolCounters.map { "\($0)" })
        add("\(label).database", "\(result.database)")
        add("\(label).series", result.series.count)
        for point in result.series { add("\(label).point", "\(point)") }
        add("\(label).trace", result.trace.count)
        for event in result.trace { add("\(label).event", event.description) }
        for violation in result.violations { add("\(label).violation", violation.description) }
    }

    mutating func add(_ label: String, proxy: ProxySimulationResult) {
        add("\(label).run", result: proxy.run)
        for row in proxy.busiestPools { add("\(label).busiest", "\(row)") }
        for row in proxy.pools { add("\(label).pools", "\(row)") }
        for row in proxy.stats { add("\(label).stats", "\(row)") }
        for sample in proxy.samples { add("\(label).sample", "\(sample)") }
        add(
            "\(label).measures",
            [
                proxy.peakClientsWaiting, Int(proxy.longestWait.nanoseconds), proxy.clientConnections,
                proxy.refusedClientConnections, proxy.serverConnectionsOpened, proxy.serverLoginsFailed,
                proxy.peakServerConnections,
            ])
    }

    mutating func add(_ label: String, lab report: ProxyLabReport) {
        add("\(label).text", report.text)
        for run in report.runs {
            add("\(label).\(run.label)", result: run.result)
            if let proxy = run.proxy { add("\(label).\(run.label).proxy", proxy: proxy) }
        }
        for run in report.modeRuns {
            add("\(label).\(run.mode)", run.results)
            for event in run.trace { add("\(label).\(run.mode).event", event.description) }
        }
    }

    mutating func add(_ label: String, events: [TraceEvent]) {
        add("\(label).events", events.count)
        for event in events { add(label, event.description) }
    }
}
