import Yams

/// A lab block's optional keys: `id`, `mode`, `predict`, `explain` and `sample` (the values lint puts in the
/// steps' blanks). Kept apart from the scenario, steps and expectations every lab has.
enum LabBlockOptions {
    static func read(_ block: YAMLBlock, into lab: inout LabBlock) -> Result<Void, LineError> {
        lab.id = lab.scenario
        if let id = block.value("id")?.scalar?.string {
            guard !id.isEmpty, id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else {
                return .failure(
                    LineError(
                        line: block.line("id"), message: "lab id '\(id)' must be letters, digits and '-'",
                        code: "lab-id"))
            }
            lab.id = id
            lab.idIsExplicit = true
        }
        if let mode = block.value("mode")?.scalar?.string {
            guard LabBlockDecoder.modes.contains(mode) else {
                return .failure(
                    LineError(
                        line: block.line("mode"),
                        message:
                            "lab mode '\(mode)' is not a PgBouncer pool mode; use \(LabBlockDecoder.modes.joined(separator: ", "))",
                        code: "lab-mode"))
            }
            lab.mode = mode
        }
        lab.predict = block.value("predict")?.scalar?.string
        lab.explain = block.value("explain")?.scalar?.string
        if let sample = block.value("sample") {
            guard case .mapping(let mapping) = sample else {
                return .failure(
                    LineError(
                        line: block.line("sample"),
                        message: "lab sample must map each blank to the value lint tries, e.g. 'sample: {size: 12}'",
                        code: "lab-sample"))
            }
            for (key, value) in mapping {
                guard let name = key.string, let text = value.scalar?.string else { continue }
                lab.samples[name] = text
            }
        }
        let blanks = lab.steps.flatMap(LabBlanks.names(in:))
        for (index, step) in lab.steps.enumerated() {
            guard let missing = LabBlanks.names(in: step).first(where: { lab.samples[$0] == nil }) else { continue }
            // At the step that has the blank, not at 'steps:'.
            return .failure(
                LineError(
                    line: block.itemLine("steps", index),
                    message:
                        "lab step blank '<\(missing)>' has no sample; add 'sample: {\(missing): VALUE}', the value lint runs",
                    code: "lab-sample"))
        }
        if let unused = lab.samples.keys.sorted().first(where: { !blanks.contains($0) }) {
            return .failure(
                LineError(
                    line: block.line("sample"),
                    message: "lab sample '\(unused)' fills no blank; a step names it as '<\(unused)>'",
                    code: "lab-sample"))
        }
        return .success(())
    }
}
