import PoolWorld

/// Every ordering of a small world's events, explored breadth first: every schedule of up to `depth` steps from
/// `alphabet`, with at most `borrowers` borrowers, pruning schedules that reach a state already explored.
/// Breadth first, the first failure found is a shortest one. A schedule's place in the exploration is its id:
/// seed `number × 10,000 + id`, which `replay` runs again.
struct ExhaustiveSearch<Pool: PoolExercise>: Sendable {
    let name: String
    let number: Int
    let config: PoolConfig
    let rules: PoolRules
    let alphabet: [PoolStep]
    let depth: Int
    let borrowers: Int

    /// Schedules an exploration may try: one seed each.
    static var limit: Int { Int(SeedPlan.stride) - 1 }

    var scenario: CaseSource {
        CaseSource(number: number) { options in findings(options) }
    }

    func findings(_ options: CheckOptions) -> Findings {
        options.progress?("check '\(name)', exhaustive search")
        var findings = Findings()
        var seen = Set<Int>()
        var frontier: [[PoolStep]] = [[]]
        var tried = 0
        let wanted = options.replaySeed.map { Int($0 % SeedPlan.stride) }
        search: for _ in 0..<depth {
            var next: [[PoolStep]] = []
            for prefix in frontier {
                for step in alphabet {
                    let schedule = prefix + [step]
                    if case .borrow = step, schedule.filter({ $0 == .borrow }).count > borrowers { continue }
                    guard tried < Self.limit else { break search }
                    tried += 1
                    if let wanted, tried == wanted { return replay(schedule, id: tried) }
                    var harness = harness(recording: false)
                    harness.begin()
                    for step in schedule where harness.violation == nil { harness.perform(step) }
                    findings.coverage.merge(harness.coverage, uniquingKeysWith: +)
                    var failed = harness.violation
                    if failed == nil {
                        guard seen.insert(harness.stateKey).inserted else { continue }
                        var whole = self.harness(recording: false)
                        whole.run(schedule)
                        failed = whole.violation
                    }
                    if let failed {
                        findings.failure = failure(schedule, failed, id: tried)
                        break search
                    }
                    next.append(schedule)
                }
            }
            frontier = next
        }
        findings.cases = tried
        findings.coverage[.exploredState, default: 0] += seen.count
        if wanted != nil, findings.failure == nil {
            findings.replayed = CheckResult(
                name: name, passed: false,
                message: "this exploration tried \(tried) schedules; seed \(options.replaySeed ?? 0) names none",
                cases: 0)
        }
        return findings
    }

    private func harness(recording: Bool) -> PoolHarness<Pool> {
        PoolHarness<Pool>(
            config: config, seed: UInt64(number) * SeedPlan.stride, rules: rules, recording: recording)
    }

    private func seed(_ id: Int) -> UInt64 { UInt64(number) * SeedPlan.stride + UInt64(id) }

    private func failure(_ schedule: [PoolStep], _ violation: Violation, id: Int) -> Failure {
        var harness = harness(recording: true)
        harness.run(schedule)
        let shown = harness.violation ?? violation
        return Failure(
            category: shown.category,
            result: CheckResult(
                name: name, passed: false,
                message: shown.message + " (the shortest of all schedules of a small world: \(describe(config)))",
                seed: seed(id), trace: harness.lines, cases: id))
    }

    private func replay(_ schedule: [PoolStep], id: Int) -> Findings {
        var harness = harness(recording: true)
        harness.run(schedule)
        var findings = Findings(cases: 1)
        if let violation = harness.violation {
            findings.failure = failure(schedule, violation, id: id)
        } else {
            findings.replayed = CheckResult(name: name, passed: true, seed: seed(id), trace: harness.lines, cases: 1)
        }
        return findings
    }

    private func describe(_ config: PoolConfig) -> String {
        var parts = ["size \(config.maxSize)"]
        if config.maxOverflow > 0 { parts.append("overflow \(config.maxOverflow)") }
        if let timeout = config.borrowTimeout { parts.append("borrow timeout \(timeout)") }
        if config.minIdle > 0 { parts.append("min idle \(config.minIdle)") }
        return parts.joined(separator: ", ")
    }
}
