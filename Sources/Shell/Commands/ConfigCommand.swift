extension ShellCommand {
    static let config = ShellCommand(
        name: "config", group: .lab, summary: "Show or change pool and database settings",
        usage: "config [KEY=VALUE ...]",
        details: """
            With no argument, shows every setting with its value and what it accepts. `config max_size=20 \
            borrow_timeout=250ms` changes settings and starts a fresh world with them; nothing changes if any \
            value is invalid.
            """,
        complete: { request, _ in LabConfigKey.all.map { $0.name + "=" } },
        run: { arguments, session throws(ShellError) in
            let lab = try session.requirePoolLab("config")
            guard !arguments.isEmpty else {
                var rows = ["| key | value | accepts |", "|---|---|---|"]
                for key in LabConfigKey.all {
                    rows.append(
                        "| \(key.name) | \(key.read(lab)) | \(key.accepts.replacingOccurrences(of: "|", with: "/")) |")
                }
                session.render(markdown: rows.joined(separator: "\n"))
                return
            }
            // Check every assignment before applying any, so a typo leaves the world as it was.
            var changes: [(LabConfigKey, String)] = []
            for argument in arguments {
                let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
                guard parts.count == 2, !parts[1].isEmpty else {
                    throw .usage("expected KEY=VALUE, got '\(Sanitizer.clean(argument))'")
                }
                guard let key = LabConfigKey.named(parts[0]) else {
                    throw .usage(
                        "unknown setting '\(Sanitizer.clean(parts[0]))'\(EditDistanceHint.suggestion(parts[0], LabConfigKey.all.map(\.name))); 'config' lists them"
                    )
                }
                changes.append((key, parts[1]))
            }
            let saved = (lab.pool, lab.database, lab.instances, lab.seed)
            for (key, value) in changes {
                do {
                    try key.write(lab, value)
                } catch {
                    (lab.pool, lab.database, lab.instances, lab.seed) = saved
                    throw .usage((error as? LabConfigKey.Problem)?.message ?? "\(error)")
                }
            }
            if let problem = lab.baseScenario.problems.first {
                (lab.pool, lab.database, lab.instances, lab.seed) = saved
                throw .usage(problem)
            }
            lab.rebuild()
            session.say(
                changes.map { "\($0.0.name)=\($0.0.read(lab))" }.joined(separator: " ") + "; fresh world at t=0s.")
        })
}
