import PoolWorld

/// A check made of seeded random cases: each seed draws a setup and a schedule of steps, runs them, and
/// either passes or breaks a rule. A failing schedule is shrunk (steps cut away while the same kind of rule
/// still breaks) and reported with its seed and trace.
struct PropertyCheck<Setup, Step: Sendable>: Sendable {
    struct Outcome {
        var violation: Violation?
        var trace: [String]
        /// How often each situation came up (pool exercises count them; others leave this empty).
        var coverage: [Situation: Int] = [:]
        /// Every event and action folded into one value: the same seed must give the same value twice.
        var fingerprint: Int?
    }

    let name: String
    /// 1-based position in the suite; names the seeds (see `SeedPlan`).
    let number: Int
    let cases: Int
    let steps: Int
    let draw: @Sendable (inout WorldRandom, Int) -> (Setup, [Step])
    /// Runs a schedule; records the trace only when asked (shrinking runs without it).
    let execute: @Sendable (Setup, [Step], UInt64, Bool) -> Outcome

    /// The check as one of a rule suite's scenarios.
    var scenario: CaseSource {
        CaseSource(number: number) { options in findings(options) }
    }

    var check: Check {
        Check(name: name) { options in
            let findings = findings(options)
            return findings.failure?.result ?? findings.replayed
                ?? CheckResult(name: name, passed: true, cases: findings.cases)
        }
    }

    /// Runs every case (or the one replayed), twice each: a pool whose two runs of one seed differ reads the
    /// clock or a random generator of its own, and can be neither replayed nor shrunk.
    func findings(_ options: CheckOptions) -> Findings {
        let seeds = options.replaySeed.map { [$0] } ?? SeedPlan.seeds(check: number, cases: cases)
        var findings = Findings()
        for (index, seed) in seeds.enumerated() {
            options.progress?("check '\(name)', seed \(seed)")
            var random = WorldRandom(seed: seed)
            let (setup, schedule) = draw(&random, steps)
            let first = execute(setup, schedule, seed, options.replaySeed != nil)
            findings.cases = index + 1
            findings.coverage.merge(first.coverage, uniquingKeysWith: +)
            let second = execute(setup, schedule, seed, false)
            if first.fingerprint != second.fingerprint || first.violation != second.violation {
                findings.coverage[.doubleRun, default: 0] += 1
                findings.failure = nondeterminism(setup, schedule, seed, case: index + 1)
                return findings
            }
            findings.coverage[.doubleRun, default: 0] += 1
            guard let violation = first.violation else {
                if options.replaySeed != nil {
                    findings.replayed = CheckResult(name: name, passed: true, seed: seed, trace: first.trace, cases: 1)
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
            findings.failure = Failure(
                category: shown.category,
                result: CheckResult(
                    name: name, passed: false, message: shown.message, seed: seed, trace: final.trace, cases: index + 1)
            )
            return findings
        }
        return findings
    }

    /// Two runs of one seed that differ: where they part, and why that matters.
    private func nondeterminism(_ setup: Setup, _ schedule: [Step], _ seed: UInt64, case number: Int) -> Failure {
        let first = execute(setup, schedule, seed, true).trace
        let second = execute(setup, schedule, seed, true).trace
        let split =
            zip(first, second).enumerated().first { $0.element.0 != $0.element.1 }?.offset
            ?? min(first.count, second.count)
        let shown = Array(first.prefix(split + 1))
        let other = split < second.count ? second[split] : "(the run ended)"
        let message =
            "the same seed gave two different runs: at line \(split + 1) the first run had \""
            + (split < first.count ? first[split] : "(the run ended)") + "\", the second \"\(other)\". "
            + "Your pool must depend only on the events it is given: no clock, no random generator of its own "
            + "(draw from WorldRandom(seed: seed)), no state shared between pools (a static or global variable)"
        return Failure(
            category: "nondeterministic",
            result: CheckResult(
                name: name, passed: false, message: message, seed: seed, trace: shown, cases: number))
    }
}

/// A failing case: the broken rule's kind, and what the learner reads.
struct Failure {
    var category: String
    var result: CheckResult
}

/// Everything one scenario's cases found.
struct Findings {
    var failure: Failure?
    var coverage: [Situation: Int] = [:]
    var cases = 0
    /// The trace of the one case run when replaying a seed that passes.
    var replayed: CheckResult?
}

/// A source of graded cases, numbered in its suite (the number names its seeds): random schedules, or an
/// exhaustive search of a small world.
struct CaseSource: Sendable {
    let number: Int
    let findings: @Sendable (CheckOptions) -> Findings
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
