import Foundation
import PoolWorld
import RealServers

extension ShellCommand {
    static let real = ShellCommand(
        name: "real", group: .lab, summary: "A real PostgreSQL and PgBouncer on this machine, beside the world",
        usage:
            "real [start | stop | status | measure [--runs N] | calibrate [--runs N] | modes [MODE] | exhaust [--clients N]]",
        details: """
            Starts a private PostgreSQL cluster and a PgBouncer from the distribution's packages, under \
            `$POOLSCHOOL_HOME/real/` (made once), on free ports of 127.0.0.1 only. They run until `real stop` or \
            until you leave the shell. `real measure` times new connections (trust, SCRAM, TLS + SCRAM, directly \
            and through PgBouncer) against a `SELECT 1` on a kept connection, as lesson 02's table; \
            `real calibrate` measures and saves the parts for `--setup measured`; `real modes MODE` runs the \
            world's pool-mode program through the real PgBouncer and prints both, flagging differences; \
            `real exhaust` fills max_connections and loads PgBouncer with N clients. Optional: the course \
            never needs it. `make real` installs the packages (postgresql, pgbouncer, openssl).
            """,
        complete: { request, _ in
            request.argumentIndex == 0
                ? RealCommandLine.verbs
                : (request.words.dropFirst().first == "modes" ? PoolMode.allCases.map(\.rawValue) : [])
        },
        run: { arguments, session throws(ShellError) in
            try RealCommandLine.run(arguments, session)
        })
}

/// The verbs of `real`, each a few lines: the work is in RealServers, the tables in Shell/Real.
enum RealCommandLine {
    static let verbs = ["start", "stop", "status", "measure", "calibrate", "modes", "exhaust"]

    static func run(_ arguments: [String], _ session: ShellSession) throws(ShellError) {
        let verb = arguments.first ?? "status"
        let rest = Array(arguments.dropFirst())
        switch verb {
        case "--help", "-h", "help":
            // `poolschool real --help` arrives here: the subcommand passes every word on.
            session.say("usage: \(ShellCommand.real.usage)")
            session.render(markdown: ShellCommand.real.details)
        case "status":
            try noArguments(rest)
            status(session)
        case "start":
            try noArguments(rest)
            let servers = try started(session)
            session.say(
                "PostgreSQL \(servers.postgresVersion) on 127.0.0.1:\(servers.postgresPort), PgBouncer "
                    + "\(servers.bouncerVersion) on 127.0.0.1:\(servers.bouncerPort); they stop with 'real stop' or "
                    + "when you leave. Files: \(session.realLab().layout.root)")
        case "stop":
            try noArguments(rest)
            if session.realServers?.stop() == true {
                session.say("Stopped the real PostgreSQL and PgBouncer.")
                return
            }
            // Not this session's: another live poolschool's are refused, a crashed one's orphans are stopped.
            var cleaned = false
            do {
                try session.realLab().claim(say: {
                    session.say($0)
                    cleaned = true
                })
            } catch {
                throw .failed("real stop: \(Sanitizer.clean(error.message))")
            }
            if !cleaned { session.say("The real servers are not running.") }
        case "measure", "calibrate":
            let runs = try number(rest, flag: "--runs", default: 30, range: ConnectionCostProbe.runRange)
            let lab = session.realLab()
            try started(session)
            session.say("Measuring (\(runs) logins per row; Ctrl-C stops early)…")
            let probe = ConnectionCostProbe(runs: runs, queryRuns: max(100, runs * 10))
            let costs: ConnectionCosts
            do {
                costs = try probe.measure(lab, stop: { session.interrupt.isRaised })
            } catch {
                throw .failed("real \(verb): \(Sanitizer.clean(error.description))")
            }
            session.render(markdown: MeasureTable.markdown(costs))
            if verb == "calibrate" { try calibrate(costs, runs: runs, lab, session) }
        case "modes":
            guard rest.count <= 1 else { throw .usage("modes takes at most one pool mode") }
            let mode = try rest.first.map { (text) throws(ShellError) in
                guard let mode = PoolMode(rawValue: text.lowercased()) else {
                    throw .usage("pool mode must be session, transaction or statement, got '\(Sanitizer.clean(text))'")
                }
                return mode
            }
            let lab = session.realLab()
            let servers = try started(session)
            var unexpected = 0
            for mode in mode.map({ [$0] }) ?? PoolMode.allCases {
                let simulated = SimulatedModes.run(mode)
                var rows: [ModeComparison] = []
                // A busy machine can run a statement past the program's 5 ms statement_timeout, and one such
                // step can change the next (a lock not taken); up to three runs, the first clean one is shown.
                for attempt in 1...3 {
                    let real: [ModeCell]
                    do { real = try RealModes.run(lab, mode: mode) } catch {
                        throw .failed("real modes \(mode): \(Sanitizer.clean(error.description))")
                    }
                    rows = ModeComparison.compare(mode: mode, simulated: simulated, real: real, servers: servers)
                    let clean = !rows.contains {
                        $0.verdict == .differs || $0.verdict == .expected(VersionDifferences.timingReason)
                    }
                    if clean { break }
                    if attempt < 3 {
                        session.say(
                            "(\(mode) mode: run \(attempt) differed from the world; running again, in case the machine was busy.)"
                        )
                    }
                }
                unexpected += rows.filter { $0.verdict == .differs }.count
                session.render(
                    markdown: "**\(mode) mode: the world beside the real PgBouncer**\n\n"
                        + ModesTable.markdown(mode: mode, rows: rows, servers: servers))
            }
            if unexpected > 0 {
                throw .failed(
                    "real modes: \(unexpected) unexpected difference(s) between the world and the real servers")
            }
        case "exhaust":
            let clients = try number(rest, flag: "--clients", default: 12, range: RealExhaust.clientRange)
            let lab = session.realLab()
            let servers = try started(session)
            do {
                let slots = try SlotRefusals.measure(lab)
                session.render(markdown: ExhaustReport.refusals(slots, servers: servers))
                let load = RealExhaust(clients: clients)
                let outcome = try load.run(lab)
                do {
                    session.render(markdown: ExhaustReport.load(load, real: outcome, world: try load.simulate()))
                } catch {
                    // The real figures stand on their own; say why the world's are missing.
                    session.render(markdown: ExhaustReport.load(load, real: outcome, world: nil))
                    session.report(
                        "real exhaust: the world could not run this load: \(error.message)", status: .failure)
                }
            } catch {
                throw .failed("real exhaust: \(Sanitizer.clean(error.description))")
            }
        default:
            throw .usage(
                "unknown verb '\(Sanitizer.clean(verb))'\(EditDistanceHint.suggestion(verb, verbs)); "
                    + "use one of \(verbs.joined(separator: ", "))")
        }
    }

    /// Starts the servers unless this session runs them; a missing package is a usage error (exit 2).
    @discardableResult
    static func started(_ session: ShellSession) throws(ShellError) -> RunningServers {
        let lab = session.realLab()
        if let running = lab.running { return running }
        do {
            // They stop when the session ends (ShellRunner), or on SIGTERM/SIGHUP (ExitGuard).
            return try lab.start(say: { session.say($0) })
        } catch {
            guard !error.missingPackages else { throw .usage(error.message) }
            throw .failed("real: \(Sanitizer.clean(error.message))")
        }
    }

    static func status(_ session: ShellSession) {
        let lab = session.realLab()
        if let servers = lab.running {
            session.say(
                "Running (started here): PostgreSQL \(servers.postgresVersion) on 127.0.0.1:\(servers.postgresPort), "
                    + "PgBouncer \(servers.bouncerVersion) on 127.0.0.1:\(servers.bouncerPort).")
            if let note = lab.account?.note { session.say("(\(note).)") }
        } else if let other = RealServerLab.recorded(lab.layout), other.isAlive {
            session.say(
                "Started by another poolschool (process \(other.owner)), on ports \(other.postgresPort) and \(other.bouncerPort)."
            )
        } else {
            session.say(
                "Not running. 'real start' starts them ("
                    + (lab.isSetUp ? "the cluster is made" : "the first start makes the cluster") + ").")
        }
        switch ServerBinaries.find() {
        case .success(let binaries): session.say("Installed: \(binaries.postgresBin), \(binaries.pgbouncer).")
        case .failure(let missing): session.say(missing.description)
        }
        session.say("Folder: \(lab.layout.root). \(ModelledVersions.sentence)")
        if let calibration = try? Calibration.load(lab.layout) {
            session.say(
                "Calibrated \(calibration.measuredAt): --setup measured is \(calibration.setup(named: "measured").map { "\($0.total) (\($0))" } ?? "?")."
            )
        }
    }

    static func calibrate(_ costs: ConnectionCosts, runs: Int, _ lab: RealServerLab, _ session: ShellSession)
        throws(ShellError)
    {
        let calibration = Calibration(costs: costs, runs: runs)
        do { try calibration.save(lab.layout) } catch { throw .failed(error.message) }
        for name in Calibration.presetNames {
            guard let setup = calibration.setup(named: name) else { continue }
            session.say("--setup \(name): \(setup.total) (\(setup))")
        }
        session.say(
            "Saved in \(lab.layout.calibration); 'sim --setup measured' and the lab's 'load --setup measured' use it.")
    }

    private static func noArguments(_ rest: [String]) throws(ShellError) {
        guard rest.isEmpty else { throw .usage("unexpected '\(Sanitizer.clean(rest.joined(separator: " ")))'") }
    }

    /// `--runs 20` or `--runs=20`, checked against its range.
    static func number(_ rest: [String], flag: String, default value: Int, range: ClosedRange<Int>)
        throws(ShellError) -> Int
    {
        guard !rest.isEmpty else { return value }
        var words = rest
        if words.count == 1, let equals = words[0].firstIndex(of: "=") {
            words = [String(words[0][..<equals]), String(words[0][words[0].index(after: equals)...])]
        }
        guard words.count == 2, words[0] == flag else {
            throw .usage("expected \(flag) N, got '\(Sanitizer.clean(rest.joined(separator: " ")))'")
        }
        do {
            return try InputLimits.wholeNumber(words[1], flag, in: range)
        } catch {
            throw .usage(error.message)
        }
    }
}
