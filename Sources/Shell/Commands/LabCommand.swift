import PoolWorld

extension ShellCommand {
    static let lab = ShellCommand(
        name: "lab", group: .lab, summary: "Start a fresh world, the default or a named scenario",
        usage: "lab [SCENARIO [MODE] | --list | reset | check [ID]]",
        details: """
            `lab` starts the default world; `lab NAME` starts a scenario from the course and runs the commands \
            that show its figure, then gives you a fresh world to try it yourself; `lab --list` names them all; \
            `lab reset` starts the current scenario over with your `config` settings; `lab check` checks what the \
            open lesson's lab asks you to observe against your world (`lab check ID` picks one of a page's labs), \
            and records it in your progress; a lab that asks for a prediction first checks only once you have \
            answered it. The PgBouncer scenarios (fan-in, \
            modes-side-by-side, proxy-fleet) take a pool mode, `lab fan-in session`, and run in it; there `config` \
            sets pgbouncer.ini parameters and `fault` hits the PostgreSQL behind the proxy.
            """,
        complete: { request, _ in
            request.argumentIndex == 0
                ? LabScenario.names + ProxyLabState.names + ["--list", "reset", "check"]
                : (request.argumentIndex == 1 ? PoolMode.allCases.map(\.rawValue) : [])
        },
        run: { arguments, session throws(ShellError) in
            guard arguments.count <= 2 else { throw .usage("expected a scenario name and at most a pool mode") }
            if let name = arguments.first, ProxyLabState.names.contains(name) {
                try startProxy(name, mode: arguments.count > 1 ? arguments[1] : nil, session)
                return
            }
            if arguments.first == "check" {
                try LessonLab.check(session, id: arguments.count > 1 ? arguments[1] : nil)
                return
            }
            guard arguments.count <= 1 else { throw .usage("only the PgBouncer scenarios take a mode") }
            switch arguments.first {
            case "--list":
                let entries =
                    LabScenario.catalog.map { ($0.name, $0.summary) }
                    + ProxyLab.catalog.map { ($0.name, "PgBouncer: " + $0.summary) }
                let width = entries.map(\.0.count).max() ?? 0
                for (name, summary) in entries {
                    session.say(name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + summary)
                }
            case "reset":
                let lab = session.requireLab()
                if let proxy = lab.proxy {
                    do { try proxy.rebuild() } catch { throw session.labFailure(error) }
                    session.say("Fresh PgBouncer world: \(proxy.name), \(proxy.mode) mode, at t=0s.")
                    return
                }
                lab.rebuild()
                session.say("Fresh world: \(lab.scenario.name), at t=0s.")
            case let name?:
                guard let scenario = LabScenario.named(name) else {
                    throw .failed(
                        "no lab scenario '\(Sanitizer.clean(name))'\(EditDistanceHint.suggestion(name, LabScenario.names)); 'lab --list' names them"
                    )
                }
                start(scenario, session)
            case nil:
                start(LabScenario.catalog[0], session)
            }
        })

    private static func startProxy(_ name: String, mode text: String?, _ session: ShellSession) throws(ShellError) {
        var mode: PoolMode?
        if let text {
            guard let chosen = PoolMode(rawValue: text.lowercased()) else {
                throw .usage("pool mode must be session, transaction or statement, got '\(Sanitizer.clean(text))'")
            }
            mode = chosen
        }
        do {
            if let question = LessonLab.unansweredPrediction(for: name, session) {
                session.say("The demonstration waits until you have answered '\(question)', this page's prediction.")
            } else {
                // The figure runs in the chosen mode too, and its title says which.
                let report = try ProxyLab.run(name, mode: mode)
                session.render(markdown: "**Lab: \(name)** — PgBouncer: \(report.summary)")
                session.say(report.text)
            }
            let lab = session.lab ?? LabState(scenario: LabScenario.catalog[0])
            session.lab = lab
            let proxy = try ProxyLabState(name: name, mode: mode)
            lab.proxy = proxy
            session.say(
                "Your own PgBouncer world (\(proxy.mode) mode) is ready: connect a, query a SELECT 1, send, advance, "
                    + "show pools, show stats, config, fault, disconnect a.")
        } catch {
            throw session.labFailure(error)
        }
    }

    private static func start(_ scenario: LabScenario, _ session: ShellSession) {
        let lab: LabState
        if let existing = session.lab {
            existing.start(scenario)
            lab = existing
        } else {
            lab = LabState(scenario: scenario)
            session.lab = lab
        }
        session.render(markdown: "**Lab: \(scenario.name)** — \(scenario.summary)\n\n\(scenario.story)")
        if let question = LessonLab.unansweredPrediction(for: scenario.name, session) {
            session.say(
                "The demonstration waits until you have answered '\(question)', this page's prediction; "
                    + "your world is ready (t=0s): try the lab's steps, then 'lab check'.")
            return
        }
        guard !scenario.demo.isEmpty else { return }
        lab.collectingDemoTrace = true
        for line in scenario.demo {
            session.say(session.style.bold("» " + line))
            session.execute(line)
        }
        lab.collectingDemoTrace = false
        let trace = lab.demoTrace
        lab.start(scenario)
        lab.demoTrace = trace
        session.say(
            "The world is fresh again (t=0s): try the commands above yourself, or change them. "
                + "'events' lists the demonstration's events.")
    }
}
