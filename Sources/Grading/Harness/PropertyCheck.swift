/// A check made of seeded random cases: each seed draws a setup and a schedule of steps, runs them, and
/// either passes or breaks a rule. A failing schedule is shrunk (steps cut away while the same kind of rule
/// still breaks) and reported with its seed and trace.
struct PropertyCheck<Setup, Step: Sendable>: Sendable {
    struct Outcome {
        var violation: Violation?
        var trace: [String]
    }

    let name: String
    /// 1-based position in the suite; names the seeds (see `SeedPlan`).
    let number: Int
    let cases: Int
    let steps: Int
    let draw: @Sendable (inout WorldRandom, Int) -> (Setup, [Step])
    /// Runs a schedule; records the trace only when asked (shrinking runs without it).
    let execute: @Sendable (Setup, [Step], UInt64, Bool) -> Outcome

    var check: Check {
        Check(name: name) { options in run(options) }
    }

    func run(_ options: CheckOptions) -> CheckResult {
        let seeds = options.replaySeed.map { [$0] } ?? SeedPlan.seeds(check: number, cases: cases)
        for seed in seeds {
            options.progress?("check '\(name)', seed \(seed)")
            var random = WorldRandom(seed: seed)
            let (setup, schedule) = draw(&random, steps)
            let first = execute(setup, schedule, seed, options.replaySeed != nil)
            guard let violation = first.violation else {
                if options.replaySeed != nil {
                    return CheckResult(name: name, passed: true, seed: seed, trace: first.trace, cases: 1)
                }
                continue
            }
            var smallest = schedule
            if options.shrink {
                smallest = Shrinker.shrink(schedule) { candidate in
                    execute(setup, candidate, seed, false).violation?.category == violation.category
                }
            }
            let final = execute(setup, smallest, seed, true)
            let shown = final.violation ?? violation
            return CheckResult(
                name: name, passed: false, message: shown.message, seed: seed, trace: final.trace,
                cases: seeds.firstIndex(of: seed).map { $0 + 1 } ?? 1)
        }
        return CheckResult(name: name, passed: true, cases: seeds.count)
    }
}

/// Cuts a failing schedule down: removes ever smaller chunks of steps while the failure stays the same.
enum Shrinker {
    /// `fails` must be deterministic. At most `budget` re-runs.
    static func shrink<Step>(_ steps: [Step], budget: Int = 600, fails: ([Step]) -> Bool) -> [Step] {
        var current = steps
        var chunk = max(1, current.count / 2)
        var runs = 0
        while runs < budget {
            var removed = false
            var start = 0
            while start < current.count && runs < budget {
                let end = min(current.count, start + chunk)
                let candidate = Array(current[..<start] + current[end...])
                runs += 1
                if fails(candidate) {
                    current = candidate
                    removed = true
                } else {
                    start += chunk
                }
            }
            if !removed {
                if chunk == 1 { break }
                chunk = max(1, chunk / 2)
            }
        }
        return current
    }
}
