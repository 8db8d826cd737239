/// One step of a grader's trace: an event, what the pool answered, and the pool's state after it.
struct TraceStep: Equatable {
    /// The event line (`t=0.005s c1 opened`) and the lines that follow it (`    → lend c1 to r1`).
    var lines: [String]
    /// The pool's state after the step (`c1 lent to r1; waiting r3`), without its `    state: ` prefix; nil when
    /// the trace has none (the step broke a rule, or the grader records no state).
    var state: String?
    /// Whether a rule broke in this step: its `INVARIANT VIOLATED` line is among `lines`.
    var violated: Bool

    static let statePrefix = "    state: "
    static let violationMarker = "INVARIANT VIOLATED"

    /// Splits a trace into steps. A step starts at each event line (`t=`), except that a violation line stays
    /// with the event that caused it: the learner must see what broke the rule and where, in one step.
    static func split(_ trace: [String]) -> [TraceStep] {
        var steps: [TraceStep] = []
        for line in trace {
            if line.hasPrefix(statePrefix) {
                if steps.isEmpty { steps.append(TraceStep(lines: [], state: nil, violated: false)) }
                steps[steps.count - 1].state = String(line.dropFirst(statePrefix.count))
            } else if line.contains(violationMarker) {
                if steps.isEmpty { steps.append(TraceStep(lines: [], state: nil, violated: false)) }
                steps[steps.count - 1].lines.append(line)
                steps[steps.count - 1].violated = true
            } else if line.hasPrefix("t=") || steps.isEmpty || steps[steps.count - 1].state != nil {
                // A line after a state line belongs to the next step, even without a time stamp.
                steps.append(TraceStep(lines: [line], state: nil, violated: false))
            } else {
                steps[steps.count - 1].lines.append(line)
            }
        }
        return steps
    }
}
