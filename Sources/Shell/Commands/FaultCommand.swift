import PoolWorld

extension ShellCommand {
    static let faultKinds = [
        "restart", "firewall", "slow-auth", "auth-fails", "kill", "idle-session-timeout",
        "idle-in-transaction-timeout", "max-connections",
    ]

    static let fault = ShellCommand(
        name: "fault", group: .lab, summary: "Inject a fault: restart, firewall idle drop, slow auth",
        usage: "fault KIND [VALUE]",
        details: """
            `fault restart` (every connection dies), `fault firewall 5m` (drop connections idle 5 min; `off`), \
            `fault slow-auth 2s` (logins take 2 s longer; `off`), `fault auth-fails on|off`, `fault kill c3`, \
            `fault idle-session-timeout 30s`, `fault idle-in-transaction-timeout 10s`, `fault max-connections 20`. \
            In a PgBouncer world the faults hit the PostgreSQL behind the proxy, and `fault kill s1` kills the \
            proxy's server connection s1 (`show servers` lists them).
            """,
        complete: { request, _ in request.argumentIndex == 0 ? faultKinds : [] },
        run: { arguments, session throws(ShellError) in
            guard let kind = arguments.first else {
                throw .usage("expected a fault: \(faultKinds.joined(separator: ", "))")
            }
            let value = arguments.count > 1 ? arguments[1] : nil
            func duration() throws(ShellError) -> SimDuration? {
                guard let value else { throw .usage("\(kind) needs a duration such as 30s, or off") }
                if ["off", "none", "0"].contains(value.lowercased()) { return nil }
                do { return try SimDuration(parsing: value) } catch { throw .usage(error.message) }
            }
            let fault: Fault
            switch kind {
            case "restart": fault = .restart
            case "firewall": fault = .firewall(idleLimit: try duration())
            case "slow-auth": fault = .slowAuthentication(extra: try duration() ?? .zero)
            case "auth-fails":
                guard let value, ["on", "off"].contains(value) else { throw .usage("auth-fails takes on or off") }
                fault = .authenticationFails(value == "on")
            case "kill":
                guard let value else { throw .usage("kill needs a connection name such as c1") }
                fault = .killConnection(value)
            case "idle-session-timeout": fault = .idleSessionTimeout(try duration())
            case "idle-in-transaction-timeout": fault = .idleInTransactionTimeout(try duration())
            case "max-connections":
                guard let value else { throw .usage("max-connections takes a whole number, e.g. 20") }
                fault = .maxConnections(
                    try ShellError.usage { () throws(InputError) in
                        try InputLimits.wholeNumber(value, "max-connections", in: 1...100_000)
                    })
            default:
                throw .usage(
                    "unknown fault '\(Sanitizer.clean(kind))'\(EditDistanceHint.suggestion(kind, faultKinds)); one of \(faultKinds.joined(separator: ", "))"
                )
            }
            let lab = session.requireLab()
            if let proxy = lab.proxy {
                // In a PgBouncer world the connections to kill are the proxy's server connections (s1, s2, …).
                do { session.show(try proxy.world.inject(fault)) } catch { throw session.labFailure(error) }
                return
            }
            do {
                session.show(try lab.world.inject(fault))
                lab.sample()
            } catch {
                throw session.labFailure(error)
            }
        })
}
