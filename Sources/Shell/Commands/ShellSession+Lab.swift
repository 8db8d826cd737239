import PoolWorld

extension ShellSession {
    /// The lab, starting the default world if none is running yet.
    func requireLab() -> LabState {
        if let lab { return lab }
        let started = LabState(scenario: LabScenario.catalog[0])
        lab = started
        say("(started the default lab world; 'lab --list' names the scenarios)")
        return started
    }

    /// The lab's pool world; in a PgBouncer world, a failure that says which commands work there.
    func requirePoolLab(_ command: String) throws(ShellError) -> LabState {
        let lab = requireLab()
        if let proxy = lab.proxy {
            throw .failed(
                "'\(command)' works on the pool worlds; this is the PgBouncer world '\(proxy.name)': use connect, query, "
                    + "send, disconnect, advance, show, stats, config, fault, events (or 'lab' for a pool world)")
        }
        return lab
    }

    /// The PgBouncer world, or a failure that says how to start one.
    func requireProxyLab(_ command: String) throws(ShellError) -> ProxyLabState {
        guard let proxy = lab?.proxy else {
            throw .failed(
                "'\(command)' talks to PgBouncer; start a PgBouncer world first: "
                    + ProxyLabState.names.map { "lab \($0)" }.joined(separator: ", "))
        }
        return proxy
    }

    /// Prints trace lines, eliding the middle of long runs so a burst of 200 stays readable.
    func show(_ events: [TraceEvent]) {
        if let lab, lab.collectingDemoTrace {
            // A demonstration shows its story and figures; a long trace waits for `events`.
            lab.demoTrace += events.map { Sanitizer.clean($0.description) }
            if events.count > 16 {
                say(style.dim("(\(events.count) events; 'events' lists them)"))
                return
            }
        }
        let long = events.count > 16
        let shown = long ? Array(events.prefix(6)) + Array(events.suffix(4)) : events
        for (index, event) in shown.enumerated() {
            if long, index == 6 {
                say(style.dim("… \(events.count - 10) more events ('events \(events.count)' shows them all)"))
            }
            say(Sanitizer.clean(event.description))
        }
    }

    /// A world's input error as a failed command.
    func labFailure(_ error: any Error) -> ShellError {
        if let shell = error as? ShellError { return shell }
        return .failed(Sanitizer.clean((error as? InputError)?.message ?? "\(error)"))
    }
}

extension ShellCommand {
    /// Completes lab borrower names.
    static let completeBorrowers: Completion = { request, session in
        request.argumentIndex == 0 ? (session.lab?.world.borrowerSummary.map(\.name) ?? []) : []
    }
}
