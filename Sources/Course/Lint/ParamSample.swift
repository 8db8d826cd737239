import Foundation

/// One set of param values lint tries a key with: a corner of the params' ranges, or the values the
/// learner with a given seed draws (as the shell draws them, so `--seed N` shows that learner).
struct ParamSample {
    let values: [String: Quantity]
    /// nil for a corner.
    let seed: UInt64?
    let corner: String

    /// Seeds 0..<seeds, then the all-low and all-high corners.
    static func samples(_ specs: [ParamSpec], lessonID: String, seeds: Int) -> [ParamSample] {
        func corner(_ pick: (ParamSpec) -> Double, _ name: String) -> ParamSample {
            ParamSample(
                values: Dictionary(
                    specs.map { ($0.name, Quantity(pick($0), unit: $0.unit)) }, uniquingKeysWith: { a, _ in a }),
                seed: nil, corner: name)
        }
        // Learners first, so a key that fails for real draws names a seed `--seed N` reproduces.
        var samples: [ParamSample] = []
        for seed in 0..<UInt64(seeds) {
            var values: [String: Quantity] = [:]
            for spec in specs {
                var draw = ParamDraw(seed: seed, salt: lessonID + "/" + spec.name)
                values[spec.name] = draw.pick(spec)
            }
            samples.append(ParamSample(values: values, seed: seed, corner: ""))
        }
        return samples + [corner(\.low, "lowest"), corner({ $0.choice($0.choiceCount - 1) }, "highest")]
    }

    /// "for the learner of --seed 17 (a = 2 ms, b = 0)" or "with every param at its lowest (…)".
    func describe(_ specs: [ParamSpec]) -> String {
        let units = Dictionary(specs.map { ($0.name, $0.unit) }, uniquingKeysWith: { a, _ in a })
        let list = values.sorted { $0.key < $1.key }.map {
            "\($0.key) = \($0.value.formatted(in: units[$0.key] ?? .none))"
        }
        .joined(separator: ", ")
        if list.isEmpty { return "for every learner" }
        if let seed { return "for the learner of --seed \(seed) (\(list))" }
        return "with every param at its \(corner) (\(list))"
    }
}
