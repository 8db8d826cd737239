import Foundation

/// Reads a `lab` block: scenario, steps, expect lines and what to observe.
enum LabBlockDecoder {
    static let keys = ["scenario", "steps", "expect", "observe", "id", "mode", "predict", "explain", "sample"]
    /// PgBouncer's pool modes, for `mode:`.
    static let modes = ["session", "transaction", "statement"]

    static func decode(_ body: String, line: Int) -> Result<LabBlock, LineError> {
        let block: YAMLBlock
        switch YAMLBlock.parse(body, offset: line) {
        case .failure(let error): return .failure(error)
        case .success(let parsed): block = parsed
        }
        if let unknown = block.entries.first(where: { !keys.contains($0.key) }) {
            return .failure(
                LineError(
                    line: unknown.line,
                    message: "unknown key '\(unknown.key)' in lab; use \(keys.joined(separator: ", "))"))
        }
        guard let scenario = block.value("scenario")?.scalar?.string, !scenario.isEmpty else {
            return .failure(LineError(line: line, message: "lab block has no 'scenario'"))
        }
        let steps = block.value("steps")?.strings ?? []
        if steps.count > LessonLimits.labSteps {
            return .failure(
                LineError(
                    line: block.line("steps"),
                    message: "lab block has \(steps.count) steps; at most \(LessonLimits.labSteps)"))
        }
        for (index, step) in steps.enumerated() {
            if let problem = LabSteps.problem(step) {
                return .failure(LineError(line: stepLine(block, index), message: problem))
            }
        }
        var expectations: [LabExpectation] = []
        let expectLine = block.line("expect")
        for (offset, text) in (block.value("expect")?.strings ?? []).enumerated() {
            guard let expectation = parseExpectation(text, line: expectLine + 1 + offset) else {
                return .failure(
                    LineError(
                        line: expectLine + 1 + offset,
                        message:
                            "expect '\(text)' must be 'METRIC OP NUMBER', e.g. 'waiting >= 1' (OP: \(LabExpectation.comparisons.joined(separator: " ")))"
                    ))
            }
            expectations.append(expectation)
        }
        var lab = LabBlock(
            scenario: scenario, steps: steps, expectations: expectations,
            observe: block.value("observe")?.scalar?.string, line: line)
        switch LabBlockOptions.read(block, into: &lab) {
        case .failure(let error): return .failure(error)
        case .success: return .success(lab)
        }
    }

    /// The file line of the `index`th step: its own line in a block list, the `steps:` line otherwise.
    private static func stepLine(_ block: YAMLBlock, _ index: Int) -> Int {
        if case .sequence(let items)? = block.value("steps"), index < items.count,
            let mark = items[items.startIndex + index].mark
        {
            return block.offset + mark.line
        }
        return block.line("steps")
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
