import Course
import PoolWorld

/// A lab block run step by step for `poolschool preview`: what each step said and how each check came out.
public struct LabPreview: Sendable {
    public struct Step: Sendable {
        public let command: String
        public let succeeded: Bool
        /// The step's output, as the learner would see it.
        public let output: String
    }

    /// Why the world could not be started (an unknown scenario); nil when it ran.
    public let problem: String?
    public let steps: [Step]
    public let checks: [(text: String, holds: Bool)]

    public var passed: Bool { problem == nil && steps.allSatisfy(\.succeeded) && checks.allSatisfy(\.holds) }
}

extension LabBlockRunner {
    /// Runs the block's steps in a fresh world of its scenario, as a learner following the page would, and
    /// checks its expectations against that world, as `lab check` does.
    public static func preview(_ block: LabBlock) -> LabPreview {
        if let problem = block.steps.lazy.compactMap(LabSteps.problem).first {
            return LabPreview(problem: problem, steps: [], checks: [])
        }
        let lab: LabState
        if let scenario = LabScenario.named(block.scenario) {
            lab = LabState(scenario: scenario)
        } else if ProxyLabState.names.contains(block.scenario) {
            lab = LabState(scenario: LabScenario.catalog[0])
            do {
                lab.proxy = try ProxyLabState(name: block.scenario, mode: .transaction)
            } catch {
                return LabPreview(problem: error.message, steps: [], checks: [])
            }
        } else {
            let known = (LabScenario.names + ProxyLabState.names).joined(separator: ", ")
            return LabPreview(
                problem: "unknown lab scenario '\(block.scenario)' (known: \(known))", steps: [], checks: [])
        }
        let output = CapturedOutput()
        let session = ShellSession(table: table, output: output, home: ShellHome(path: "/nonexistent"))
        session.lab = lab
        var steps: [LabPreview.Step] = []
        for command in block.steps {
            let before = output.text.count
            let succeeded = session.execute(command) == .success
            let said = String(output.text.dropFirst(before)).trimmingCharacters(in: .newlines)
            steps.append(LabPreview.Step(command: command, succeeded: succeeded, output: said))
        }
        return LabPreview(problem: nil, steps: steps, checks: check(block, against: lab))
    }
}
