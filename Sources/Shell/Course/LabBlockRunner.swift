import Course
import PoolWorld

/// Runs a lesson's `lab` block in a fresh world, as lint does, or checks a learner's world against it.
enum LabBlockRunner {
    /// The only commands a lesson's steps can reach: even a step that slipped past `LabSteps` finds no
    /// command here that builds, runs a program, opens the course or writes a file.
    static let table = CommandTable(CommandTable.standard.commands.filter { LabSteps.commands.contains($0.name) })

    /// Runs the block's steps in a fresh world of its scenario and returns what did not hold.
    @Sendable static func lint(_ block: LabBlock) -> [String] {
        lintProblems(block).map(\.message)
    }

    /// What lint reports for a lab block, each at its line: a step that fails (and then nothing more: the
    /// expectations after a failed step would only fail with it), an expectation that does not hold after
    /// the steps, or, as a warning, a check that already passes in the untouched world.
    @Sendable static func lintProblems(_ block: LabBlock) -> [LabProblem] {
        func stepLine(_ index: Int) -> Int { index < block.stepLines.count ? block.stepLines[index] : block.line }
        // Lint runs the steps as a learner would, each `<blank>` filled with its sample.
        let steps = block.sampleSteps
        if let index = steps.firstIndex(where: { LabSteps.problem($0) != nil }) {
            return [LabProblem(line: stepLine(index), message: LabSteps.problem(steps[index])!, code: "lab-step")]
        }
        let fresh: LabState
        switch world(for: block) {
        case .failure(let problem):
            return [LabProblem(line: block.line(of: problem.key), message: problem.message, code: problem.code)]
        case .success(let lab): fresh = lab
        }
        let untouched = results(block, against: fresh)
        let lab: LabState
        switch world(for: block) {
        case .failure(let problem):
            return [LabProblem(line: block.line(of: problem.key), message: problem.message, code: problem.code)]
        case .success(let started): lab = started
        }
        let output = CapturedOutput()
        let session = ShellSession(table: table, output: output, home: ShellHome(path: "/nonexistent"))
        session.lab = lab
        for (index, step) in steps.enumerated() {
            let before = output.text.count
            if session.execute(step) != .success {
                let said = String(output.text.dropFirst(before)).split(separator: "\n").first.map(String.init) ?? ""
                return [
                    LabProblem(
                        line: stepLine(index), message: "lab step '\(step)' failed: \(said)", code: "lab-step-fails")
                ]
            }
        }
        // Unknown metrics are each their own typo; expectations that do not hold usually share one cause (the
        // wrong scenario, a missing step), so they are one message, at the first of them.
        var problems: [LabProblem] = []
        var failing: [(line: Int, text: String, actual: String)] = []
        for (expectation, result) in zip(block.expectations, results(block, against: lab)) where !result.holds {
            let text = "\(expectation.metric) \(expectation.comparison) \(Quantity.format(expectation.value))"
            if let actual = result.actual {
                failing.append((expectation.line, "'\(text)'", Quantity.format(actual)))
            } else {
                problems.append(
                    LabProblem(line: expectation.line, message: "lab expectation \(result.text)", code: "lab-metric"))
            }
        }
        if let first = failing.first {
            let message =
                failing.count == 1
                ? "lab expectation \(first.text) does not hold after the steps: it is \(first.actual)"
                : "lab expectations do not hold after the steps: "
                    + failing.map { "\($0.text) (it is \($0.actual))" }.joined(separator: ", ")
            problems.append(LabProblem(line: first.line, message: message, code: "lab-expect-fails"))
        }
        problems.sort { $0.line < $1.line }
        if problems.isEmpty, !block.steps.isEmpty, !untouched.isEmpty, untouched.allSatisfy(\.holds) {
            problems.append(
                LabProblem(
                    line: block.line(of: "expect"),
                    message:
                        "lab check already passes in a fresh '\(block.scenario)' before the learner runs any step (\(untouched.map(\.text).joined(separator: "; "))); expect something the steps change",
                    code: "lab-passes-untouched", severity: .warning))
        }
        return problems
    }

    struct Problem: Error {
        let message: String
        var key = "scenario"
        var code = "lab-scenario"
    }

    /// A fresh world of the block's pool or PgBouncer scenario, in its `mode`, as `lab NAME [MODE]` starts it.
    static func world(for block: LabBlock) -> Result<LabState, Problem> {
        if let named = LabScenario.named(block.scenario) {
            if let mode = block.mode {
                return .failure(
                    Problem(
                        message:
                            "lab mode '\(mode)' is for the PgBouncer worlds (\(ProxyLabState.names.joined(separator: ", "))), not '\(block.scenario)'",
                        key: "mode", code: "lab-mode"))
            }
            return .success(LabState(scenario: named))
        }
        guard ProxyLabState.names.contains(block.scenario) else {
            let known = (LabScenario.names + ProxyLabState.names).joined(separator: ", ")
            return .failure(Problem(message: "no lab scenario '\(block.scenario)' (scenarios: \(known))"))
        }
        let lab = LabState(scenario: LabScenario.catalog[0])
        do {
            lab.proxy = try ProxyLabState(
                name: block.scenario, mode: block.mode.flatMap(PoolMode.init(rawValue:)) ?? .transaction)
        } catch {
            return .failure(Problem(message: error.message))
        }
        return .success(lab)
    }

    /// Each expectation with whether it holds in `lab`'s world now.
    static func check(_ block: LabBlock, against lab: LabState) -> [(text: String, holds: Bool)] {
        results(block, against: lab).map { ($0.text, $0.holds) }
    }

    /// `actual` is nil when the world has no such metric.
    static func results(_ block: LabBlock, against lab: LabState) -> [(text: String, holds: Bool, actual: Double?)] {
        block.expectations.map { expectation in
            let line = "\(expectation.metric) \(expectation.comparison) \(Quantity.format(expectation.value))"
            guard let actual = lab.metric(named: expectation.metric) else {
                if lab.proxy == nil, LabState.loadMetricNames.contains(expectation.metric) {
                    return ("'\(line)': no load has run in this world yet; run the lab's load, then check", false, nil)
                }
                let names = lab.proxy == nil ? LabState.metricNames : ProxyLabState.metricNames
                let hint =
                    EditDistance.suggestion(for: expectation.metric, among: names).map { "did you mean '\($0)'? " }
                    ?? ""
                return (
                    "'\(line)': unknown metric '\(expectation.metric)'; \(hint)use \(names.joined(separator: ", "))",
                    false, nil
                )
            }
            return (line + " (it is \(Quantity.format(actual)))", expectation.holds(for: actual), actual)
        }
    }
}
