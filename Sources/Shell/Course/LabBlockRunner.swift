import Course
import PoolWorld

/// Runs a lesson's `lab` block in a fresh world, as lint does, or checks a learner's world against it.
enum LabBlockRunner {
    /// The only commands a lesson's steps can reach: even a step that slipped past `LabSteps` finds no
    /// command here that builds, runs a program, opens the course or writes a file.
    static let table = CommandTable(CommandTable.standard.commands.filter { LabSteps.commands.contains($0.name) })

    /// Runs the block's steps in a fresh world of its scenario and returns what did not hold.
    @Sendable static func lint(_ block: LabBlock) -> [String] {
        let steps = block.sampleSteps
        if let problem = steps.lazy.compactMap(LabSteps.problem).first { return [problem] }
        let output = CapturedOutput()
        let session = ShellSession(table: table, output: output, home: ShellHome(path: "/nonexistent"))
        let lab: LabState
        if let scenario = LabScenario.named(block.scenario) {
            if let mode = block.mode {
                return [
                    "lab mode '\(mode)' is for the PgBouncer worlds (\(ProxyLabState.names.joined(separator: ", "))), "
                        + "not '\(block.scenario)'"
                ]
            }
            lab = LabState(scenario: scenario)
        } else if ProxyLabState.names.contains(block.scenario) {
            lab = LabState(scenario: LabScenario.catalog[0])
            do {
                lab.proxy = try ProxyLabState(
                    name: block.scenario, mode: block.mode.flatMap(PoolMode.init(rawValue:)) ?? .transaction)
            } catch {
                return [error.message]
            }
        } else {
            return ["unknown lab scenario '\(block.scenario)'"]
        }
        session.lab = lab
        var problems: [String] = []
        for step in steps {
            let before = output.text.count
            if session.execute(step) != .success {
                let said = String(output.text.dropFirst(before)).split(separator: "\n").first.map(String.init) ?? ""
                problems.append("lab step '\(step)' failed: \(said)")
            }
        }
        return problems + check(block, against: lab).compactMap { $0.holds ? nil : "lab expectation \($0.text)" }
    }

    /// Each expectation with whether it holds in `lab`'s world now.
    static func check(_ block: LabBlock, against lab: LabState) -> [(text: String, holds: Bool)] {
        block.expectations.map { expectation in
            let line = "\(expectation.metric) \(expectation.comparison) \(Quantity.format(expectation.value))"
            guard let actual = lab.metric(named: expectation.metric) else {
                if lab.proxy == nil, LabState.loadMetricNames.contains(expectation.metric) {
                    return ("'\(line)': no load has run in this world yet; run the lab's load, then check", false)
                }
                let names = lab.proxy == nil ? LabState.metricNames : ProxyLabState.metricNames
                return (
                    "'\(line)': unknown metric '\(expectation.metric)'; use \(names.joined(separator: ", "))", false
                )
            }
            return (line + " (it is \(Quantity.format(actual)))", expectation.holds(for: actual))
        }
    }
}
