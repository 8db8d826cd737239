import PoolWorld

/// After `advance`: how the last burst went, and a chart of the interval.
enum BurstReport {
    static func finish(_ lab: LabState, _ session: ShellSession, since sample: Int, from start: SimInstant) {
        guard let (first, count) = lab.burstStart else { return }
        var latencies: [SimDuration] = []
        var failed: [String: Int] = [:]
        for event in lab.world.trace[first...] {
            switch event.kind {
            case .completed(_, let latency): latencies.append(latency)
            case .failed(_, let error, _):
                let kind = error.split(separator: "(").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? error
                failed[kind, default: 0] += 1
            default: break
            }
        }
        latencies.sort()
        let ended = latencies.count + failed.values.reduce(0, +)
        if let median = latencies.isEmpty ? nil : latencies[latencies.count / 2], let slowest = latencies.last {
            session.say("burst: \(latencies.count) of \(count) completed, latency p50 \(median), max \(slowest)")
        }
        for (error, times) in failed.sorted(by: { $0.value > $1.value }) {
            session.say("burst: \(times) failed: \(Sanitizer.clean(error))")
        }
        let points = Array(lab.samples[max(0, sample)...])
        if points.count > 2 {
            session.say(
                TimelineChart.draw(
                    TimelineChart.series(from: points, cores: lab.database.cores), from: start.sinceStart,
                    to: lab.world.now.sinceStart, width: session.terminal.width))
        }
        if ended >= count { lab.burstStart = nil }
    }
}
