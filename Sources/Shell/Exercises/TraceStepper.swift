/// `replay`'s stepper: shows a failing trace one step at a time, with the pool's state after each, and moves
/// forward and back on short keys typed at its own prompt.
///
/// On a pipe or in a script nobody can press keys, so `printAll` shows every step in order instead.
final class TraceStepper: SubPrompt {
    let steps: [TraceStep]
    /// The step on screen, from 0.
    private(set) var current = 0

    static let keys = "n or Enter next, p previous, g N go to step N, f first, l last, q quit"

    init(steps: [TraceStep]) {
        self.steps = steps
    }

    var prompt: String { "replay \(current + 1)/\(steps.count) [n/p/g N/q]> " }

    /// Shows the first step and the keys; the session then hands the stepper its lines.
    func start(in session: ShellSession) {
        session.say(Self.summary(steps) + " Keys: \(Self.keys).")
        show(in: session)
    }

    /// `12 steps; the rule broke at step 12.`: where to look, before the first step.
    static func summary(_ steps: [TraceStep]) -> String {
        let broken = steps.firstIndex(where: \.violated).map { "; the rule broke at step \($0 + 1)" } ?? ""
        return "\(steps.count) step\(steps.count == 1 ? "" : "s")\(broken)."
    }

    func handle(_ line: String, in session: ShellSession) -> Bool {
        let words = line.lowercased().split(separator: " ")
        switch words.first.map(String.init) ?? "" {
        case "", "n", "next":
            guard current + 1 < steps.count else {
                session.say("That was the last step; p goes back, q leaves.")
                return true
            }
            current += 1
        case "p", "prev", "previous", "b", "back":
            guard current > 0 else {
                session.say("This is the first step; n goes forward, q leaves.")
                return true
            }
            current -= 1
        case "f", "first": current = 0
        case "l", "last": current = steps.count - 1
        case "g", "go":
            guard words.count == 2, let number = Int(words[1]), (1...steps.count).contains(number) else {
                session.say("g takes a step number from 1 to \(steps.count): g 3")
                return true
            }
            current = number - 1
        case "q", "quit", "exit":
            session.say("Left the replay.")
            return false
        default:
            session.say("Keys: \(Self.keys).")
            return true
        }
        show(in: session)
        return true
    }

    func cancelled(in session: ShellSession) {
        session.say("Left the replay.")
    }

    private func show(in session: ShellSession) {
        session.say(Self.render(steps[current], number: current + 1, of: steps.count, style: session.style))
    }

    /// Every step, numbered, one after another: for pipes and scripts.
    static func printAll(_ steps: [TraceStep], in session: ShellSession) {
        let text = steps.enumerated().map { index, step in
            render(step, number: index + 1, of: steps.count, style: session.style)
        }
        session.say(([summary(steps)] + text).joined(separator: "\n"))
    }

    /// `step 3 of 12`, the step's lines, and the pool's state after it; the step that broke a rule says so.
    /// The trace comes from the learner's test process, so every line is cleaned before it is styled.
    static func render(_ step: TraceStep, number: Int, of count: Int, style: Style) -> String {
        let head = "step \(number) of \(count)" + (step.violated ? ": the rule broke here" : "")
        var lines = [step.violated ? style.red(style.bold(head)) : style.bold(head)]
        for line in step.lines.map(Sanitizer.clean) {
            lines.append("  " + (line.contains(TraceStep.violationMarker) ? style.red("✗ " + line) : line))
        }
        if let state = step.state.map(Sanitizer.clean) {
            lines.append("  " + style.cyan("state after: ") + state)
        } else if !step.violated {
            lines.append("  " + style.dim("(no state recorded for this step)"))
        }
        return lines.joined(separator: "\n")
    }
}
