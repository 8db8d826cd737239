import Foundation

/// Reads a `lab` block: scenario, steps, expect lines and what to observe.
enum LabBlockDecoder {
    static let keys = ["scenario", "steps", "expect", "observe", "id", "mode", "predict", "explain", "sample"]
    /// PgBouncer's pool modes, for `mode:`.
    static let modes = ["session", "transaction", "statement"]

    /// The lab, or the first thing that stops it being read (after any misspelt keys, which are read as
    /// the key they were meant to be).
    static func decode(_ body: String, line: Int) -> (lab: LabBlock?, problems: [LineError]) {
        let parsed: YAMLBlock
        switch YAMLBlock.parse(body, offset: line) {
        case .failure(let error): return (nil, [error])
        case .success(let block): parsed = block
        }
        let (block, typos) = parsed.resolvingTypos(known: keys) { key, suggestion in
            "unknown key '\(key)' in lab" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
                + " (keys: \(keys.joined(separator: ", ")))"
        }
        switch read(block, line: line) {
        case .failure(let error): return (nil, typos + [error])
        case .success(let lab): return (typos.isEmpty ? lab : nil, typos)
        }
    }

    private static func read(_ block: YAMLBlock, line: Int) -> Result<LabBlock, LineError> {
        guard let scenario = block.value("scenario")?.scalar?.string, !scenario.isEmpty else {
            return .failure(LineError(line: line, message: "lab block has no 'scenario'", code: "lab-missing"))
        }
        let steps = block.value("steps")?.strings ?? []
        if steps.count > LessonLimits.labSteps {
            return .failure(
                LineError(
                    line: block.line("steps"),
                    message: "lab block has \(steps.count) steps; at most \(LessonLimits.labSteps)", code: "limit"))
        }
        let stepLines = steps.indices.map { block.itemLine("steps", $0) }
        for (index, step) in steps.enumerated() {
            if let problem = LabSteps.problem(step) {
                return .failure(LineError(line: stepLines[index], message: problem, code: "lab-step"))
            }
        }
        var expectations: [LabExpectation] = []
        for (index, text) in (block.value("expect")?.strings ?? []).enumerated() {
            let at = block.itemLine("expect", index)
            guard let expectation = parseExpectation(text, line: at) else {
                return .failure(
                    LineError(
                        line: at,
                        message:
                            "expect '\(text)' must be 'METRIC OP NUMBER', e.g. 'waiting >= 1' (OP: \(LabExpectation.comparisons.joined(separator: " ")))",
                        code: "lab-expect"))
            }
            expectations.append(expectation)
        }
        var lab = LabBlock(
            scenario: scenario, steps: steps, expectations: expectations,
            observe: block.value("observe")?.scalar?.string, line: line)
        for entry in block.entries where lab.keyLines[entry.key] == nil { lab.keyLines[entry.key] = entry.line }
        lab.stepLines = stepLines
        switch LabBlockOptions.read(block, into: &lab) {
        case .failure(let error): return .failure(error)
        case .success: return .success(lab)
        }
    }

    static func parseExpectation(_ text: String, line: Int) -> LabExpectation? {
        for comparison in LabExpectation.comparisons {
            let parts = text.components(separatedBy: comparison)
            guard parts.count == 2 else { continue }
            let metric = parts[0].trimmingCharacters(in: .whitespaces)
            guard !metric.isEmpty, !metric.contains(where: { "<>=!".contains($0) }),
                let value = Double(parts[1].trimmingCharacters(in: .whitespaces))
            else { continue }
            return LabExpectation(metric: metric, comparison: comparison, value: value, line: line)
        }
        return nil
    }
}
