extension ShellCommand {
    static let lab = ShellCommand(
        name: "lab", group: .lab, summary: "Start a fresh world, the default or a named scenario",
        usage: "lab [SCENARIO | --list | reset | check]",
        details: """
            `lab` starts the default world; `lab NAME` starts a scenario from the course and runs the commands \
            that show its figure, then gives you a fresh world to try it yourself; `lab --list` names them all; \
            `lab reset` starts the current scenario over with your `config` settings; `lab check` checks what the \
            open lesson's lab asks you to observe against your world.
            """,
        complete: { request, _ in request.argumentIndex == 0 ? LabScenario.names + ["--list", "reset", "check"] : [] },
        run: { arguments, session throws(ShellError) in
            guard arguments.count <= 1 else { throw .usage("expected at most one scenario name") }
            switch arguments.first {
            case "--list":
                let width = LabScenario.names.map(\.count).max() ?? 0
                for scenario in LabScenario.catalog {
                    session.say(
                        scenario.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + scenario.summary)
                }
            case "check":
                try LessonLab.check(session)
            case "reset":
                let lab = session.requireLab()
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

    private static func start(_ scenario: LabScenario, _ session: ShellSession) {
        let lab = session.lab ?? LabState(scenario: scenario)
        lab.start(scenario)
        session.lab = lab
        session.render(markdown: "**Lab: \(scenario.name)** — \(scenario.summary)\n\n\(scenario.story)")
        guard !scenario.demo.isEmpty else { return }
        for line in scenario.demo {
            session.say(session.style.bold("» " + line))
            session.execute(line)
        }
        lab.start(scenario)
        session.say("The world is fresh again (t=0s): try the commands above yourself, or change them.")
    }
}
