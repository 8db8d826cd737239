import PoolWorld

extension ShellCommand {
    static let stats = ShellCommand(
        name: "stats", group: .lab, summary: "Pool and database metrics", usage: "stats",
        details:
            "The pool's gauges and counters in the words real pools use (HikariCP's total/active/idle/waiting), the database's, and a sparkline of recent activity.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            let lab = session.requireLab()
            if let proxy = lab.proxy {
                session.say(
                    "\(proxy.world.now)  \(proxy.name) (\(ModelledVersions.pgBouncer), \(proxy.mode) mode, "
                        + "\(ModelledVersions.postgreSQL) behind it)")
                session.say(
                    (try? proxy.world.admin("SHOW POOLS")).map {
                        AdminTableView.render($0, for: session.terminal)
                    } ?? "")
                session.say("database  " + proxy.world.database.summary)
                return
            }
            let world = lab.world
            session.say("\(world.now)  \(lab.scenario.name) (\(ModelledVersions.postgreSQL))")
            if let preset = lab.presetDescription { session.say("preset    \(preset)") }
            for (index, metrics) in world.poolMetrics.enumerated() {
                let label = world.poolMetrics.count > 1 ? "pool app\(index + 1)" : "pool"
                session.say(
                    "\(label.padding(toLength: 10, withPad: " ", startingAt: 0))\(metrics), pending=\(metrics.pending)")
                let counters = world.pools[index].counters
                let closed = CloseReason.allCases.filter { counters.closed($0) > 0 }.map {
                    "\($0) \(counters.closed($0))"
                }
                session.say(
                    "          created \(counters.created), closed \(counters.closedTotal)"
                        + (closed.isEmpty ? "" : " (" + closed.joined(separator: ", ") + ")")
                        + ", borrows \(counters.borrows), waited \(counters.waited), timeouts \(counters.timeouts), "
                        + "validations failed \(counters.validationsFailed), leaks reported \(counters.leaksReported)")
            }
            session.say("database  " + world.database.summary)
            let recent = lab.samples.suffix(60)
            if recent.count > 1 {
                let width = max(10, min(60, session.terminal.width - 30))
                let active = recent.map { Double($0.poolActive) }
                let waiting = recent.map { Double($0.poolWaiting) }
                session.say("active    " + Sparkline.draw(active, width: width) + "  (last \(recent.count) samples)")
                if waiting.contains(where: { $0 > 0 }) {
                    session.say("waiting   " + Sparkline.draw(waiting, width: width))
                }
            }
            for violation in world.violations.prefix(5) { session.say(session.style.red("violation: \(violation)")) }
        })

    static let events = ShellCommand(
        name: "events", group: .lab, summary: "The last N events of the world", usage: "events [N]",
        details: "Shows the last N events (default 20), one line each, with their virtual times.",
        run: { arguments, session throws(ShellError) in
            guard arguments.count <= 1 else { throw .usage("expected at most one number") }
            let count =
                try arguments.first.map { (text) throws(ShellError) -> Int in
                    try ShellError.usage { () throws(InputError) in
                        try InputLimits.wholeNumber(text, "N", in: 1...1_000_000)
                    }
                } ?? 20
            let lab = session.requireLab()
            let trace = lab.proxy?.world.trace ?? lab.world.trace
            if lab.proxy == nil, lab.world.trace.count == lab.freshTraceCount, !lab.demoTrace.isEmpty {
                session.say(
                    "The demonstration's last \(min(count, lab.demoTrace.count)) of \(lab.demoTrace.count) events:")
                for line in lab.demoTrace.suffix(count) { session.say(line) }
                return
            }
            guard !trace.isEmpty else {
                session.say("nothing has happened yet")
                return
            }
            for event in trace.suffix(count) { session.say(Sanitizer.clean(event.description)) }
        })
}
