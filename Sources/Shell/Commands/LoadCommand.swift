import Foundation
import PoolWorld

extension ShellCommand {
    static let load = ShellCommand(
        name: "load", group: .lab, summary: "Run a workload (the options of 'poolschool sim')", usage: "load OPTIONS",
        details: """
            Runs a whole workload against the lab's settings in a separate run, and charts it: \
            `load --arrival-rate 400/s --hold-mean 40ms --requests 10000 [--warm]`. It takes `poolschool sim`'s \
            flags (`--pool-size`, `--borrow-timeout`, `--db-cores`, `--instances`…) over your `config`, and more: \
            `--clients N` (closed loop), `--script hold|query|transaction|nested`, `--retries N --backoff none|exp`, \
            `--report-share 0.05 --report-hold 2s`, `--no-pool` (a connection per request), `--svg FILE`. \
            Ctrl-C stops it; the lab's own world is not touched.
            """,
        complete: { _, _ in WorkloadOptions.flags.map(\.name) + ["--no-pool", "--svg"] },
        run: { arguments, session throws(ShellError) in
            var words = arguments
            var svg: String?
            if let index = words.firstIndex(of: "--svg") {
                guard index + 1 < words.count else { throw .usage("--svg needs a file name") }
                svg = words[index + 1]
                words.removeSubrange(index...(index + 1))
            }
            let noPool = words.contains("--no-pool")
            words.removeAll { $0 == "--no-pool" }
            let lab = try session.requirePoolLab("load")
            var scenario: Scenario
            let options: WorkloadOptions
            do {
                options = try WorkloadOptions.parse(words)
                scenario = try options.scenario(base: lab.baseScenario)
            } catch {
                throw .usage((error as? WorkloadOptions.Problem)?.message ?? "\(error)")
            }
            let labMinIdle = lab.baseScenario.pool.minIdle
            if options.minIdle == nil, labMinIdle > scenario.pool.maxSize {
                session.say(
                    "(the lab keeps min idle \(labMinIdle), more than --pool-size \(scenario.pool.maxSize): this run keeps "
                        + "\(scenario.pool.minIdle); add --min-idle N, or 'config min_idle=N', to choose)")
            }
            if noPool {
                // A connection per request: each is closed as soon as it comes back.
                scenario.pool.maxSize = max(scenario.pool.maxSize, 1_000)
                scenario.pool.minIdle = 0
                scenario.pool.maxLifetime = .nanoseconds(1)
                scenario.pool.lifetimeJitter = 0
                scenario.warmStart = false
            }
            scenario.options.sampleInterval = LoadRun.sampleInterval(scenario)
            let result = LoadRun.run(scenario, session: session)
            lab.lastLoad = result.stopped ? nil : result.result
            session.say(SimReport.text(result.result, scenario: scenario, wallMilliseconds: result.wallMilliseconds))
            if result.stopped {
                session.say(session.style.yellow("stopped by Ctrl-C after \(result.result.requests) requests"))
            }
            let rows = TimelineChart.series(from: result.result.series, cores: scenario.database.cores)
            let end = result.result.simulatedTime
            if result.result.series.count > 2 {
                session.say(TimelineChart.draw(rows, from: .zero, to: end, width: session.terminal.width))
            }
            session.say(LatencyChart.draw(result.result, width: session.terminal.width))
            if let svg {
                let text = SVGChart.timeline(
                    rows, from: .zero, to: end, title: "load: " + arguments.joined(separator: " "))
                do {
                    try text.write(toFile: svg, atomically: true, encoding: .utf8)
                    session.say("wrote \(svg)")
                } catch {
                    throw .failed("cannot write \(Sanitizer.clean(svg)): \(error.localizedDescription)")
                }
            }
        })
}

/// Runs a load with a progress bar on a terminal and Ctrl-C to stop.
enum LoadRun {
    struct Outcome {
        let result: SimulationResult
        let wallMilliseconds: Double
        let stopped: Bool
    }

    static func run(_ scenario: Scenario, session: ShellSession) -> Outcome {
        let total = scenario.workload.requestLimit ?? 0
        let showProgress = session.terminal.isInteractive && total >= 50_000
        var stopped = false
        let clock = ContinuousClock()
        var result: SimulationResult?
        let elapsed = clock.measure {
            result = Simulation.run(scenario) { started in
                if session.interrupt.isRaised {
                    stopped = true
                    return false
                }
                if showProgress {
                    let done = Double(started) / Double(max(total, 1))
                    let filled = Int(done * 30)
                    session.output.write(
                        Style.carriageReturn + "[" + String(repeating: "#", count: filled)
                            + String(repeating: " ", count: 30 - filled)
                            + "] \(Int(done * 100))%", error: false)
                }
                return true
            }
        }
        if showProgress {
            session.output.write(
                Style.carriageReturn + String(repeating: " ", count: 40) + Style.carriageReturn, error: false)
        }
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        return Outcome(result: result!, wallMilliseconds: milliseconds, stopped: stopped)
    }

    /// About 200 samples over the run's expected length, for the timeline.
    static func sampleInterval(_ scenario: Scenario) -> SimDuration {
        let requests = Double(scenario.workload.requestLimit ?? 1_000)
        var seconds = 1.0
        switch scenario.workload.arrivals {
        case .poisson(let rate), .constant(let rate): seconds = requests / max(rate.perSecond, 1e-9)
        case .closedLoop(let clients, _):
            let hold =
                scenario.workload.mix.first?.script.steps.first.map { step -> Double in
                    switch step {
                    case .hold(let distribution), .query(let distribution): return distribution.mean.seconds
                    default: return 0.01
                    }
                } ?? 0.01
            seconds = requests * hold / Double(max(clients, 1)) * 2
        case .none: seconds = 1
        }
        return .nanoseconds(max(1_000_000, Int64(seconds * 1e9 / 200)))
    }
}
