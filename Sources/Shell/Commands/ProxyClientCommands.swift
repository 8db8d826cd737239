import PoolWorld

extension ShellCommand {
    static let connect = ShellCommand(
        name: "connect", group: .lab, summary: "Connect a client to PgBouncer (in a PgBouncer world)",
        usage: "connect NAME",
        details: """
            In a PgBouncer world (`lab fan-in`, `lab modes-side-by-side`, `lab proxy-fleet`), client NAME logs \
            in to the proxy. Then `query NAME SQL` runs SQL through it, `send NAME SQL` sends without waiting, \
            and `disconnect NAME` leaves.
            """,
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1 else { throw .usage("expected one client name, e.g. connect alice") }
            let proxy = try session.requireProxyLab("connect")
            do { session.show(try proxy.world.connect(arguments[0])) } catch { throw session.labFailure(error) }
        })

    static let send = ShellCommand(
        name: "send", group: .lab, summary: "Send SQL through PgBouncer without waiting for the answer",
        usage: "send NAME SQL",
        details:
            "Client NAME sends SQL and the clock does not move: if it must queue for a server connection, it stays queued (see `show pools`) until you `advance`. The SQL reaches the world exactly as typed.",
        verbatimAfter: 1,
        run: { arguments, session throws(ShellError) in
            guard arguments.count >= 2 else { throw .usage("expected a client and SQL, e.g. send alice SELECT 1") }
            let proxy = try session.requireProxyLab("send")
            do {
                session.show(try proxy.world.send(arguments[0], arguments[1]))
            } catch {
                throw session.labFailure(error)
            }
        })

    static let disconnect = ShellCommand(
        name: "disconnect", group: .lab, summary: "Disconnect a client from PgBouncer", usage: "disconnect NAME",
        details:
            "Client NAME logs out. In session mode its server connection is reset (DISCARD ALL) and goes back to the pool.",
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1 else { throw .usage("expected one client name") }
            let proxy = try session.requireProxyLab("disconnect")
            do { session.show(try proxy.world.disconnect(arguments[0])) } catch { throw session.labFailure(error) }
        })

    static let show = ShellCommand(
        name: "show", group: .lab, summary: "PgBouncer's admin views: SHOW POOLS, STATS, CLIENTS, SERVERS, …",
        usage: "show " + ProxyWorld.adminViews.joined(separator: "|"),
        details: """
            The admin console's views of the PgBouncer world, with PgBouncer 1.25's own columns in its order \
            (cl_active, cl_waiting, sv_active, sv_idle, maxwait, …; total_xact_count, avg_wait_time, …). \
            `show config` lists every parameter; those the world accepts without simulating are named below it.
            """,
        complete: { request, _ in request.argumentIndex == 0 ? ProxyWorld.adminViews : [] },
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1, ProxyWorld.adminViews.contains(arguments[0].lowercased()) else {
                throw .usage("expected one of " + ProxyWorld.adminViews.joined(separator: ", "))
            }
            let proxy = try session.requireProxyLab("show")
            do {
                let table = try proxy.world.admin("SHOW " + arguments[0].uppercased())
                session.say(AdminTableView.render(table, for: session.terminal))
            } catch {
                throw session.labFailure(error)
            }
            if arguments[0].lowercased() == "config" {
                session.say(
                    "Accepted, shown, but not simulated in this world: "
                        + ProxyConfig.unsimulatedParameters.joined(separator: ", ") + ".")
                for entry in proxy.config.unsimulatedEntries { session.say("Not simulated: \(entry)") }
            }
        })
}
