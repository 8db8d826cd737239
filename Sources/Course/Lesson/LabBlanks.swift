import Foundation

/// A blank in a lab step, `config max_size=<size>`: the learner chooses the value, so a check can pass for
/// any size that meets the target rather than for one copied number. Lint fills it from the block's `sample`.
public enum LabBlanks {
    /// The names of the blanks in `step`, in order: `<size>` gives `size`.
    public static func names(in step: String) -> [String] {
        var names: [String] = []
        var rest = step[...]
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let name = String(rest[rest.index(after: open)..<close])
            if !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
                names.append(name)
            }
            rest = rest[rest.index(after: close)...]
        }
        return names
    }

    /// `step` with each `<name>` replaced by `values[name]`; a blank without a value stays as written.
    public static func fill(_ step: String, with values: [String: String]) -> String {
        var filled = step
        for name in names(in: step) {
            if let value = values[name] { filled = filled.replacingOccurrences(of: "<\(name)>", with: value) }
        }
        return filled
    }
}
