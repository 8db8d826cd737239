import PoolWorld

/// A pool exercise graded rule by rule: every scenario's schedules are judged against every rule at once, and
/// a failure is reported under the rule it broke, with how often each rule was put to the test.
struct PoolRuleSuite: Sendable {
    let exercise: String
    let rules: [PoolRule]
    /// The generated schedules, numbered 1, 2, … (their seeds say which: see `SeedPlan`).
    let scenarios: [CaseSource]
    /// The last check: the pool in PoolWorld's engine (numbered after the scenarios).
    let world: Check
    /// Situations this exercise's schedules cannot produce (no overflow in exercise 2, no exhaustion error once
    /// borrowers queue): left out of the report.
    var cannotArise: Set<Situation> = []

    var suite: ExerciseSuite {
        let checks =
            rules.map { rule in
                Check(name: rule.title) { options in
                    results(options).first { $0.name == rule.title }
                        ?? CheckResult(name: rule.title, passed: false, message: "not graded", cases: 0)
                }
            } + [world]
        return ExerciseSuite(exercise: exercise, checks: checks) { options in results(options) }
    }

    func results(_ options: CheckOptions) -> [CheckResult] {
        if let seed = options.replaySeed { return [replay(seed, options)] }
        var coverage: [Situation: Int] = [:]
        var failures: [PoolRule: CheckResult] = [:]
        var cases = 0
        for scenario in scenarios {
            let findings = scenario.findings(options)
            coverage.merge(findings.coverage, uniquingKeysWith: +)
            cases += findings.cases
            if let failure = findings.failure {
                let rule = owner(of: failure.category)
                if failures[rule] == nil { failures[rule] = renamed(failure.result, rule) }
            }
        }
        return rules.map { rule in
            var result = failures[rule] ?? CheckResult(name: rule.title, passed: true, cases: cases)
            result.exercised = Dictionary(
                uniqueKeysWithValues: Situation.allCases.filter { $0.rule == rule && !cannotArise.contains($0) }.map {
                    ($0.rawValue, coverage[$0] ?? 0)
                })
            return result
        } + [world.body(options)]
    }

    /// One seed's case, reported under the rule it broke (or, passing, with its trace).
    private func replay(_ seed: UInt64, _ options: CheckOptions) -> CheckResult {
        let number = SeedPlan.checkNumber(of: seed)
        if number == scenarios.count + 1 { return world.body(options) }
        guard scenarios.indices.contains(number - 1) else {
            return CheckResult(
                name: "replay", passed: false,
                message: "seed \(seed) is not one of \(exercise)'s: its seeds are 10001… to "
                    + "\(scenarios.count + 1)0001…, as a failed check names them",
                cases: 0)
        }
        let findings = scenarios[number - 1].findings(options)
        if let failure = findings.failure { return renamed(failure.result, owner(of: failure.category)) }
        return findings.replayed ?? CheckResult(name: "replay", passed: true, seed: seed, cases: 1)
    }

    /// The rule a violation is reported under: its own, or (for a kind this exercise does not grade as a rule
    /// of its own) answering every borrow correctly.
    private func owner(of category: String) -> PoolRule {
        let rule = PoolRule.owning(category)
        return rules.contains(rule) ? rule : .answers
    }

    private func renamed(_ result: CheckResult, _ rule: PoolRule) -> CheckResult {
        var result = result
        result.name = rule.title
        return result
    }
}
