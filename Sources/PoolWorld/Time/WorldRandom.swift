/// The world's seeded random number generator: xoshiro256** seeded through SplitMix64.
///
/// Every random choice in a run (arrival gaps, hold times, lifetime jitter) comes from generators of this
/// type, derived from the run's seed, so a seed names a run exactly. The system generator would make every
/// run different; Foundation's would tie the result to the platform.
public struct WorldRandom: RandomNumberGenerator, Sendable {
    private var s0: UInt64
    private var s1: UInt64
    private var s2: UInt64
    private var s3: UInt64

    /// A generator whose whole sequence is determined by `seed`.
    public init(seed: UInt64) {
        // SplitMix64 spreads even small, similar seeds (1, 2, 3) over the whole state space, and never
        // produces the all-zero state xoshiro must avoid.
        var mixer = seed
        func splitMix() -> UInt64 {
            mixer &+= 0x9E37_79B9_7F4A_7C15
            var z = mixer
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    /// A new, independent generator for a sub-system, so that adding a random choice in one place does not
    /// shift every other random stream in the run.
    public func derived(stream: UInt64) -> WorldRandom {
        WorldRandom(seed: (s0 ^ (stream &* 0xD134_2543_DE82_EF95)) &+ s3)
    }

    @inlinable
    static func rotate(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 &- k))
    }

    public mutating func next() -> UInt64 {
        let result = Self.rotate(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = Self.rotate(s3, 45)
        return result
    }

    /// A uniform number in [0, 1) with 53 random bits.
    public mutating func nextUnit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform number in (0, 1]: safe to take the logarithm of.
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 1) * 0x1.0p-53
    }

    /// An exponentially distributed number with the given mean (ziggurat method: exact, and without a
    /// logarithm for 99% of draws).
    public mutating func exponential(mean: Double) -> Double {
        mean * ExponentialZiggurat.shared.next(&self)
    }

    /// A uniform integer in `0..<bound`, without modulo bias worth speaking of (Lemire's method).
    public mutating func below(_ bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let product = next().multipliedFullWidth(by: UInt64(bound))
        return Int(product.high)
    }
}
