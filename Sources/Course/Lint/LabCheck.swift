/// A lab block's checks that need no world (its scenario, its `expect` lines, `load` steps), then the run.
struct LabCheck {
    let lab: LabBlock
    let scenarios: Set<String>
    let runLab: (@Sendable (LabBlock) -> [LabProblem])?

    func problems() -> [LineError] {
        guard scenarios.contains(lab.scenario) else {
            let known = scenarios.isEmpty ? "none yet" : scenarios.sorted().joined(separator: ", ")
            let hint =
                EditDistance.suggestion(for: lab.scenario, among: scenarios.sorted()).map {
                    "did you mean '\($0)'? "
                } ?? ""
            return [
                LineError(
                    line: lab.line(of: "scenario"),
                    message: "unknown lab scenario '\(lab.scenario)'; \(hint)known: \(known)", code: "lab-scenario")
            ]
        }
        var problems: [LineError] = []
        if lab.expectations.isEmpty {
            problems.append(
                LineError(
                    line: lab.line,
                    message:
                        "lab block has no 'expect' lines, so 'lab check' has nothing to compare and passes at once; add what the learner should see, e.g. 'waiting >= 1'",
                    code: "lab-no-expect"))
        }
        // `load` runs its workload as a separate simulation: it leaves the lab's world as it was and feeds
        // only the `load_*` metrics. A lab that expects none of them cannot see what its load did.
        if !lab.expectations.contains(where: { Self.isLoadMetric($0.metric) }) {
            for (index, step) in lab.steps.enumerated() where Self.isLoad(step) {
                problems.append(
                    LineError(
                        line: index < lab.stepLines.count ? lab.stepLines[index] : lab.line,
                        message:
                            "lab step '\(step)' runs its workload as a separate simulation and changes only the load_* metrics (load_p50_ms, load_throughput, load_utilisation, …), which no 'expect' line of this lab names; expect one of them, or change the world with burst, borrow, release, advance or fault steps",
                        code: "lab-load-step"))
            }
        }
        // A lab that cannot pass as written would only fail again when run.
        guard problems.isEmpty, let runLab else { return problems }
        return runLab(lab).map {
            LineError(line: $0.line, message: $0.message, code: $0.code, severity: $0.severity)
        }
    }

    /// The metrics a `load` step sets (the shell's `LabState.loadMetricNames`): its run's figures.
    static func isLoadMetric(_ metric: String) -> Bool {
        metric.hasPrefix("load_")
    }

    static func isLoad(_ step: String) -> Bool {
        step.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() == "load" } ?? false
    }
}
