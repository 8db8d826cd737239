import PoolWorld

extension ShellCommand {
    static let advance = ShellCommand(
        name: "advance", group: .lab, summary: "Move the virtual clock forward", usage: "advance DURATION",
        details:
            "Moves the clock by DURATION (`250ms`, `30s`, `5m`); timeouts, idle kills, leak reports and bursts play out on the way.",
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1 else { throw .usage("expected one duration, e.g. advance 30s") }
            let duration: SimDuration
            do {
                duration = try SimDuration(parsing: arguments[0])
            } catch {
                throw .usage((error as? InputError)?.message ?? "\(error)")
            }
            let lab = session.requireLab()
            if let proxy = lab.proxy {
                do {
                    session.show(try proxy.world.advance(by: duration))
                } catch {
                    throw session.labFailure(error)
                }
                session.say("now \(proxy.world.now)")
                return
            }
            let start = lab.world.now
            let before = lab.samples.count - 1
            do {
                session.show(try lab.advance(by: duration))
            } catch {
                throw session.labFailure(error)
            }
            session.say("now \(lab.world.now)")
            BurstReport.finish(lab, session, since: before, from: start)
        })
}
