import Course

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
    /// Runs the block's steps (each `<blank>` filled with its sample, as lint does) in a fresh world of its
    /// scenario, as a learner following the page would, and checks its expectations against that world, as
    /// `lab check` does.
    public static func preview(_ block: LabBlock) -> LabPreview {
        let steps = block.sampleSteps
        if let problem = steps.lazy.compactMap(LabSteps.problem).first {
            return LabPreview(problem: problem, steps: [], checks: [])
        }
        let lab: LabState
        switch world(for: block) {
        case .success(let started): lab = started
        case .failure(let problem): return LabPreview(problem: problem.message, steps: [], checks: [])
        }
        let output = CapturedOutput()
        let session = ShellSession(table: table, output: output, home: ShellHome(path: "/nonexistent"))
        session.lab = lab
        var ran: [LabPreview.Step] = []
        for command in steps {
            let before = output.text.count
            let succeeded = session.execute(command) == .success
            let said = String(output.text.dropFirst(before)).trimmingCharacters(in: .newlines)
            ran.append(LabPreview.Step(command: command, succeeded: succeeded, output: said))
        }
        return LabPreview(problem: nil, steps: ran, checks: check(block, against: lab))
    }
}
