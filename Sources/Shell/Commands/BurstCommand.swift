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
            guard let first = arguments.first else { throw .usage("expected a number of requests, e.g. burst 200") }
            let count = try ShellError.usage { () throws(InputError) in
                try InputLimits.wholeNumber(first, "burst", in: 1...100_000)
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
            // Bursts add up: bound what the world holds at once, not only each burst.
            guard lab.world.liveRequests + count <= 200_000 else {
                throw .failed(
                    "the world already holds \(lab.world.liveRequests) requests; at most 200000 at once: "
                        + "'advance' plays them out, 'lab reset' starts over")
            }
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
