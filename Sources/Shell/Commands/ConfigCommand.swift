import Foundation
import PoolWorld

extension ShellCommand {
    static let config = ShellCommand(
        name: "config", group: .lab, summary: "Show or change pool and database settings",
        usage: "config [KEY=VALUE ...]",
        details: """
            With no argument, shows every setting with its value and what it accepts. `config max_size=20 \
            borrow_timeout=250ms` changes settings and starts a fresh world with them; nothing changes if any \
            value is invalid. In a PgBouncer world the settings are pgbouncer.ini's `[pgbouncer]` parameters: \
            `config default_pool_size=5 pool_mode=session query_wait_timeout=10`.
            """,
        complete: { request, session in
            session.lab?.proxy != nil
                ? ProxyParameter.all.filter(\.simulated).map { $0.name + "=" } : LabConfigKey.all.map { $0.name + "=" }
        },
        run: { arguments, session throws(ShellError) in
            if let proxy = session.lab?.proxy {
                try configureProxy(proxy, arguments, session)
                return
            }
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
            let saved = (lab.pool, lab.database, lab.instances, lab.seed, lab.presetName)
            for (key, value) in changes {
                do {
                    try key.write(lab, value)
                } catch {
                    (lab.pool, lab.database, lab.instances, lab.seed, lab.presetName) = saved
                    throw .usage((error as? LabConfigKey.Problem)?.message ?? "\(error)")
                }
            }
            if let problem = lab.baseScenario.problems.first {
                (lab.pool, lab.database, lab.instances, lab.seed, lab.presetName) = saved
                throw .usage(problem)
            }
            let learner = lab.learner?.exercise
            lab.rebuild()
            session.say(
                changes.map { "\($0.0.name)=\($0.0.read(lab))" }.joined(separator: " ") + "; fresh world at t=0s."
                    + (learner.map { " It runs the reference pool; 'lab --pool \($0)' runs yours with these settings." }
                        ?? ""))
        })
}

extension ShellCommand {
    /// `config` in a PgBouncer world: pgbouncer.ini parameters, all or none, then a fresh world.
    fileprivate static func configureProxy(_ proxy: ProxyLabState, _ arguments: [String], _ session: ShellSession)
        throws(ShellError)
    {
        guard !arguments.isEmpty else {
            var rows = ["| parameter | value | default |", "|---|---|---|"]
            for parameter in ProxyParameter.all where parameter.simulated {
                rows.append(
                    "| \(parameter.name) | \(proxy.config.value(of: parameter.name) ?? "") | \(parameter.defaultValue) |"
                )
            }
            session.render(markdown: rows.joined(separator: "\n"))
            session.say("The parameters the world simulates; 'show config' lists all of PgBouncer 1.25's.")
            return
        }
        var assignments: [(key: String, value: String)] = []
        for argument in arguments {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw .usage("expected KEY=VALUE, got '\(Sanitizer.clean(argument))'") }
            assignments.append((parts[0].trimmingCharacters(in: .whitespaces), parts[1]))
        }
        do { try proxy.configure(assignments) } catch { throw .usage(Sanitizer.clean(error.message)) }
        let notSimulated = assignments.map(\.key).filter { ProxyParameter.named($0.lowercased())?.simulated == false }
        session.say(
            assignments.map { "\($0.key)=\(proxy.config.value(of: $0.key) ?? $0.value)" }.joined(separator: " ")
                + "; fresh PgBouncer world at t=0s."
                + (notSimulated.isEmpty ? "" : " (Not simulated here: \(notSimulated.joined(separator: ", ")).)"))
    }
}
