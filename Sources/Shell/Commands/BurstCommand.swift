import PoolWorld

extension ShellCommand {
    static let burst = ShellCommand(
        name: "burst", group: .lab, summary: "Send N requests at once", usage: "burst N [SQL]",
        details: """
            N requests arrive at once; each borrows a connection, holds it 100 ms (or runs SQL, e.g. \
            `burst 50 SELECT pg_sleep(0.2)`), and returns it. `stats` shows the queue; `advance` plays it out \
            and then charts it.
            """,
        run: { arguments, session throws(ShellError) in
            guard let first = arguments.first, let count = Int(first), (1...100_000).contains(count) else {
                throw .usage("expected a number of requests from 1 to 100000, e.g. burst 200")
            }
            var script = RequestScript.hold(.constant(.milliseconds(100)), name: "burst")
            if arguments.count > 1 {
                let sql = arguments.dropFirst().joined(separator: " ")
                do {
                    script = RequestScript(name: sql, steps: [.statement(try SQLStatement(parsing: sql))])
                } catch {
                    throw .usage("\(error)")
                }
            }
            let lab = try session.requirePoolLab("burst")
            do {
                let events = try lab.world.burst(count, script: script)
                session.show(events)
                lab.sample()
                lab.burstStart = (lab.world.trace.count - events.count, count)
            } catch {
                throw session.labFailure(error)
            }
            let metrics = lab.world.poolMetrics
            let active = metrics.reduce(0) { $0 + $1.active }
            let waiting = metrics.reduce(0) { $0 + $1.waiting }
            session.say(
                "\(count) requests arrived: \(active) hold a connection, \(waiting) wait. 'advance 1s' plays it out.")
        })
}

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
