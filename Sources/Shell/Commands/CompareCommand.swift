import PoolWorld

extension ShellCommand {
    static let compare = ShellCommand(
        name: "compare", group: .lab, summary: "One workload through several pools, side by side",
        usage: "compare EXERCISE|--presets NAME,NAME… [LOAD OPTIONS]",
        details: """
            Runs one workload, with one seed, through several pools over the lab's settings and prints a table: \
            p_wait, p50 and p99 latency, throughput, connections opened and closed, timeouts, errors, runs left \
            unfinished and broken pool contracts. `compare --presets hikaricp,go --arrival-rate 200/s --hold-mean \
            20ms --requests 20000` runs libraries' defaults (`config` lists the presets); `compare waiting-pool \
            --arrival-rate 400/s --hold-mean 40ms` runs your pool from Exercises/ (built on demand, in its own \
            process) against the reference pool, with both timelines and latency charts side by side. The \
            options are `load`'s.
            """,
        complete: { request, _ in
            request.argumentIndex == 0 ? ["--presets"] + LearnerPool.exercises : WorkloadOptions.flags.map(\.name)
        },
        run: { arguments, session throws(ShellError) in
            var words = arguments
            let lab = try session.requirePoolLab("compare")
            if let list = try LoadPlan.take("--presets", from: &words) {
                try comparePresets(list, words, lab, session)
                return
            }
            guard let exercise = words.first, !exercise.hasPrefix("--") else {
                throw .usage(
                    "name an exercise (\(LearnerPool.exercises.joined(separator: ", "))) or --presets "
                        + PoolPreset.names.joined(separator: ","))
            }
            try compareLearnerPool(exercise, Array(words.dropFirst()), lab, session)
        })

    private static func comparePresets(_ list: String, _ words: [String], _ lab: LabState, _ session: ShellSession)
        throws(ShellError)
    {
        var presets: [PoolPreset] = []
        for name in list.split(separator: ",").map({ String($0).trimmingCharacters(in: .whitespaces) }) {
            guard let preset = PoolPreset.named(name) else {
                throw .usage(
                    "unknown pool preset '\(Sanitizer.clean(name))'; the presets are "
                        + PoolPreset.names.joined(separator: ", "))
            }
            presets.append(preset)
        }
        guard !presets.isEmpty else { throw .usage("--presets takes names separated by commas, e.g. hikaricp,go") }
        guard !words.contains(where: { $0 == "--preset" || $0.hasPrefix("--preset=") }) else {
            throw .usage("--presets already names the pools; leave --preset out")
        }
        let plan = try LoadPlan.parse(words)
        var rows: [ComparisonRow] = []
        for preset in presets {
            var presetPlan = plan
            presetPlan.options.preset = preset.name
            var scenario = try presetPlan.scenario(base: lab.baseScenario)
            scenario.options.checkInvariants = true
            let outcome = LoadRun.run(scenario, session: session)
            if outcome.stopped {
                session.say(session.style.yellow("stopped by Ctrl-C during \(preset.name)"))
                return
            }
            rows.append(ComparisonRow(pool: preset.name, result: outcome.result))
        }
        session.say(
            "Seed \(plan.options.seed), \(plan.options.requests) requests, the same for every pool: "
                + presets.map { "\($0.name) is \($0.library)" }.joined(separator: "; ") + ".")
        // Four pools to a table, so that seven presets still fit an 80-column terminal.
        for start in stride(from: 0, to: rows.count, by: 4) {
            session.render(markdown: ComparisonRow.table(Array(rows[start..<min(start + 4, rows.count)])))
        }
    }

    private static func compareLearnerPool(
        _ exercise: String, _ words: [String], _ lab: LabState, _ session: ShellSession
    ) throws(ShellError) {
        let plan = try LoadPlan.parse(words)
        var scenario = try plan.scenario(base: lab.baseScenario)
        scenario.options.checkInvariants = true
        let column = max(30, (session.terminal.width - 2) / 2)
        let reply = try session.runLearnerPool(exercise, plan: plan, lab: lab, width: column)
        let reference = LoadRun.run(scenario, session: session)
        if reference.stopped {
            session.say(session.style.yellow("stopped by Ctrl-C"))
            return
        }
        guard let yours = reply.row else { throw .failed("your pool's process gave no result") }
        var mine = yours
        mine.pool = "yours"
        let theirs = ComparisonRow(pool: "reference", result: reference.result)
        session.say(
            "Seed \(plan.options.seed), \(plan.options.requests) requests, the same for both pools: the reference "
                + "pool (\(scenario.pool.name)) and yours (\(yours.pool), from \(exercise)).")
        session.render(markdown: ComparisonRow.table([theirs, mine]))
        let titles = ("reference", "yours: \(exercise)")
        let timeline = LoadCharts.timeline(reference.result, scenario: scenario, width: column)
        if let timeline, !reply.timeline.isEmpty {
            session.say(LoadCharts.sideBySide(timeline, reply.timeline, titles: titles, columnWidth: column))
        }
        session.say(
            LoadCharts.sideBySide(
                LatencyChart.draw(reference.result, width: column), reply.latency, titles: titles,
                columnWidth: column))
        for violation in reply.violations {
            session.say(session.style.red("your pool broke its contract: \(violation)"))
        }
    }
}
