import Foundation
import Grading
import PoolWorld

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The child's side: `poolschool-pool REQUEST REPLY` reads a `LearnerPoolRequest`, runs it with the learner's
/// pool, and writes a `LearnerPoolReply`. Only this process links the learner's code; the shell reads the reply
/// file, so nothing the learner's pool prints can pass for a result.
public enum LearnerPoolChild {
    /// Runs one request; returns the exit status (0, or 2 when called wrongly).
    public static func main(pools: [String: any PoolExercise.Type], arguments: [String] = CommandLine.arguments)
        -> Int32
    {
        if arguments.count == 3, arguments[1] == "--lab" {
            return serveLab(requestFile: arguments[2], pools: pools)
        }
        guard arguments.count == 3 else {
            FileHandle.standardError.write(
                Data("usage: \(LearnerPool.product) REQUEST.json REPLY.json (the shell runs this for you)\n".utf8))
            return 2
        }
        var reply: LearnerPoolReply
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: arguments[1]))
            let request = try JSONDecoder().decode(LearnerPoolRequest.self, from: data)
            limitCPU(seconds: request.cpuSeconds)
            reply = run(request, pools: pools)
        } catch {
            reply = LearnerPoolReply(error: "cannot read the request \(arguments[1]): \(error)")
        }
        do {
            try JSONEncoder().encode(reply).write(to: URL(fileURLWithPath: arguments[2]), options: .atomic)
        } catch {
            FileHandle.standardError.write(Data("cannot write the reply \(arguments[2]): \(error)\n".utf8))
            return 1
        }
        return 0
    }

    /// `--lab REQUEST`: a long-lived world for `lab --pool`, one lab command per line (`LearnerLabChild`).
    static func serveLab(requestFile: String, pools: [String: any PoolExercise.Type]) -> Int32 {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: requestFile)),
            let request = try? JSONDecoder().decode(LearnerPoolRequest.self, from: data), let lab = request.lab
        else {
            print(LearnerLabChild.end + "1")
            return 2
        }
        limitCPU(seconds: request.cpuSeconds)
        guard let type = pools[request.exercise] else {
            print(
                "this build of \(LearnerPool.product) has no pool '\(request.exercise)'\n" + LearnerLabChild.end + "1")
            return 1
        }
        return LearnerLabChild.serve(type, exercise: request.exercise, lab: lab)
    }

    static func run(_ request: LearnerPoolRequest, pools: [String: any PoolExercise.Type]) -> LearnerPoolReply {
        guard let type = pools[request.exercise] else {
            return LearnerPoolReply(
                error: "this build of \(LearnerPool.product) has no pool '\(request.exercise)' (it has "
                    + pools.keys.sorted().joined(separator: ", ") + ")")
        }
        do {
            var base: Scenario?
            if let lab = request.lab { base = try lab.rebuild().baseScenario }
            var scenario = try request.plan.scenario(base: base)
            scenario.options.checkInvariants = true
            return run(type, scenario, width: request.width)
        } catch {
            return LearnerPoolReply(error: error.message)
        }
    }

    static func run<Pool: PoolExercise>(_ type: Pool.Type, _ scenario: Scenario, width: Int) -> LearnerPoolReply {
        let clock = ContinuousClock()
        var outcome: SimulationResult?
        let elapsed = clock.measure {
            outcome = Simulation.runBoxed(
                scenario,
                pools: { index in
                    Pool(config: scenario.pool, seed: Simulation.poolSeed(scenario.seed, index))
                })
        }
        guard let result = outcome else { return LearnerPoolReply(error: "the run gave no result") }
        let milliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        var reply = LearnerPoolReply()
        reply.text = SimReport.text(result, scenario: scenario, wallMilliseconds: milliseconds)
        reply.json = SimReport.json(result, wallMilliseconds: milliseconds)
        reply.timeline = LoadCharts.timeline(result, scenario: scenario, width: width) ?? ""
        reply.latency = LatencyChart.draw(result, width: width)
        reply.row = ComparisonRow(pool: String(describing: type), result: result)
        reply.violations = result.violations.prefix(5).map { "\($0)" }
        return reply
    }

    /// The kernel stops this process after `seconds` of CPU (SIGXCPU): a learner's endless loop ends here, and
    /// CPU time, unlike a wall clock, does not run out early on a machine busy with other builds. No core file.
    static func limitCPU(seconds: Int) {
        var core = rlimit(rlim_cur: 0, rlim_max: 0)
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CORE.rawValue), &core)
        var cpu = rlimit(rlim_cur: rlim_t(max(1, seconds)), rlim_max: rlim_t(max(1, seconds) + 2))
        _ = setrlimit(__rlimit_resource_t(RLIMIT_CPU.rawValue), &cpu)
    }
}
