import Testing

@testable import PoolWorld

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The world's own `log`, `exp` and whole powers: within one unit in the last place of the C library's, on
/// inputs spread over their whole range, and exact where the world relies on it.
@Suite struct MathTests {
    /// Units in the last place between two doubles of the same sign.
    func ulps(_ a: Double, _ b: Double) -> UInt64 {
        let x = a.bitPattern
        let y = b.bitPattern
        return x > y ? x - y : y - x
    }

    /// Inputs spread evenly in bits over `low...high` (positive), with a seeded generator.
    func inputs(_ low: Double, _ high: Double, count: Int) -> [Double] {
        var random = WorldRandom(seed: 7)
        let from = low.bitPattern
        let span = high.bitPattern - from
        return (0..<count).map { _ in Double(bitPattern: from + random.next() % span) }
    }

    @Test func naturalLogIsWithinOneUlpOfTheCLibrarys() {
        var worst: UInt64 = 0
        for x in inputs(.leastNonzeroMagnitude, .greatestFiniteMagnitude, count: 200_000)
            + inputs(0.5, 2, count: 100_000)
        {
            worst = max(worst, ulps(naturalLog(x), log(x)))
        }
        #expect(worst <= 1)
        #expect(naturalLog(1) == 0)
        #expect(naturalLog(0) == -.infinity)
        #expect(naturalLog(-1).isNaN)
        #expect(naturalLog(.infinity) == .infinity)
    }

    @Test func naturalExpIsWithinOneUlpOfTheCLibrarys() {
        var worst: UInt64 = 0
        let samples = inputs(1e-300, 709.7, count: 150_000)
        for x in samples + samples.map({ -$0 * 1.04 }) + inputs(1e-3, 8, count: 100_000).map({ -$0 }) {
            worst = max(worst, ulps(naturalExp(x), exp(x)))
        }
        #expect(worst <= 1)
        #expect(naturalExp(0) == 1)
        #expect(naturalExp(710) == .infinity)
        #expect(naturalExp(-746) == 0)
    }

    @Test func wholePowersAreExactWhereTheWorldNeedsThem() {
        for n in 0...62 {
            #expect(power(2, n) == Double(sign: .plus, exponent: n, significand: 1))
        }
        // 1.25ⁿ = 5ⁿ / 4ⁿ, exact while 5ⁿ fits in 53 bits.
        var fives: UInt64 = 1
        for n in 0...22 {
            #expect(power(1.25, n) == Double(fives) * Double(sign: .plus, exponent: -2 * n, significand: 1))
            fives *= 5
        }
        #expect(power(2, -3) == 0.125)
    }
}
