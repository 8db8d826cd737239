import Testing

@testable import PoolWorld

@Suite struct ExponentialZigguratTests {
    /// The exponential draws must be exactly exponential: the mean, the second moment and the tail
    /// probabilities P(X > t) = e^(−t) all agree within five standard errors of a large sample.
    @Test func drawsFollowTheExponentialDistribution() {
        var random = WorldRandom(seed: 11)
        let count = 400_000
        let cutoffs = [0.1, 0.5, 1.0, 2.0, 4.0, 7.0, 9.0]
        var above = [Int](repeating: 0, count: cutoffs.count)
        var sum = 0.0
        var sumOfSquares = 0.0
        for _ in 0..<count {
            let x = random.exponential(mean: 1)
            #expect(x >= 0)
            sum += x
            sumOfSquares += x * x
            for (index, cutoff) in cutoffs.enumerated() where x > cutoff { above[index] += 1 }
        }
        let n = Double(count)
        #expect(abs(sum / n - 1) < 5 / n.squareRoot())
        // E[X²] = 2 and Var(X²) = E[X⁴] − 4 = 20.
        #expect(abs(sumOfSquares / n - 2) < 5 * (20 / n).squareRoot())
        for (index, cutoff) in cutoffs.enumerated() {
            let p = naturalExp(-cutoff)
            let observed = Double(above[index]) / n
            #expect(abs(observed - p) < 5 * (p * (1 - p) / n).squareRoot() + 1 / n, "P(X > \(cutoff))")
        }
    }
}
