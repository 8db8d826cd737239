/// Draws a learner's own values for params, the same every time for the same seed.
public struct ParamDraw: Sendable {
    private var state: UInt64

    /// A seed from the learner's name, so classmates get different numbers.
    public static func seed(forLearner name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325  // FNV-1a: stable across runs and platforms.
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x100_0000_01b3
        }
        return hash
    }

    /// `salt` (the lesson and question) keeps one lesson's draws independent of another's.
    public init(seed: UInt64, salt: String) {
        state = seed ^ ParamDraw.seed(forLearner: salt)
    }

    /// SplitMix64: small, fast and well mixed; enough for choosing exercise numbers.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func pick(_ spec: ParamSpec) -> Quantity {
        let value = spec.choice(Int(next() % UInt64(spec.choiceCount)))
        return Quantity(value, unit: spec.unit)
    }

    /// A shuffle that is the same for the same seed.
    public mutating func shuffled<T>(_ items: [T]) -> [T] {
        var items = items
        guard items.count > 1 else { return items }
        for index in stride(from: items.count - 1, to: 0, by: -1) {
            items.swapAt(index, Int(next() % UInt64(index + 1)))
        }
        return items
    }
}
