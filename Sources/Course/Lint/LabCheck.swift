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
        for (index, step) in lab.steps.enumerated() where Self.isLoad(step) {
            problems.append(
                LineError(
                    line: index < lab.stepLines.count ? lab.stepLines[index] : lab.line,
                    message:
                        "lab step '\(step)' runs its workload as a separate simulation and leaves the lab's world as it was, so no 'expect' line sees it; change the world with burst, borrow, release, advance or fault steps, and leave 'load' to the page's text",
                    code: "lab-load-step"))
        }
        // A lab that cannot pass as written would only fail again when run.
        guard problems.isEmpty, let runLab else { return problems }
        return runLab(lab).map {
            LineError(line: $0.line, message: $0.message, code: $0.code, severity: $0.severity)
        }
    }

    static func isLoad(_ step: String) -> Bool {
        step.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() == "load" } ?? false
    }
}
