import Testing

@testable import PoolWorld

@Suite struct EventQueueTests {
    @Test func popsInTimeOrderAndTiesInSchedulingOrder() {
        var queue = EventQueue<String>()
        queue.schedule("late", at: 30)
        queue.schedule("first at 10", at: 10)
        queue.schedule("second at 10", at: 10)
        queue.schedule("early", at: 5)
        queue.schedule("third at 10", at: 10)
        var order: [String] = []
        while let next = queue.popFirst() { order.append(next.payload) }
        #expect(order == ["early", "first at 10", "second at 10", "third at 10", "late"])
    }

    @Test func agreesWithSortingOnRandomSchedules() {
        var random = WorldRandom(seed: 7)
        for _ in 0..<20 {
            var queue = EventQueue<Int>()
            var expected: [(time: Int64, index: Int)] = []
            for index in 0..<300 {
                let time = Int64(random.below(50))
                queue.schedule(index, at: time)
                expected.append((time, index))
                if random.below(3) == 0, let popped = queue.popFirst() {
                    let smallest = expected.min { ($0.time, $0.index) < ($1.time, $1.index) }
                    #expect(popped.payload == smallest?.index)
                    expected.removeAll { $0.index == popped.payload }
                }
            }
            let rest = expected.sorted { ($0.time, $0.index) < ($1.time, $1.index) }.map(\.index)
            var drained: [Int] = []
            while let next = queue.popFirst() { drained.append(next.payload) }
            #expect(drained == rest)
        }
    }
}

@Suite struct WorldRandomTests {
    @Test func sameSeedSameSequenceDifferentSeedDifferent() {
        var first = WorldRandom(seed: 42)
        var second = WorldRandom(seed: 42)
        var other = WorldRandom(seed: 43)
        let a = (0..<100).map { _ in first.next() }
        let b = (0..<100).map { _ in second.next() }
        let c = (0..<100).map { _ in other.next() }
        #expect(a == b)
        #expect(a != c)
    }

    @Test func unitDrawsAndExponentialsHaveTheRightMeans() {
        var random = WorldRandom(seed: 1)
        let count = 200_000
        var unitSum = 0.0
        var expSum = 0.0
        for _ in 0..<count {
            let unit = random.nextUnit()
            #expect(unit >= 0 && unit < 1)
            unitSum += unit
            expSum += random.exponential(mean: 40)
        }
        // Standard errors: 1/sqrt(12n) for the uniform mean, 40/sqrt(n) for the exponential mean; allow 5 of them.
        #expect(abs(unitSum / Double(count) - 0.5) < 5 / (12 * Double(count)).squareRoot())
        #expect(abs(expSum / Double(count) - 40) < 5 * 40 / Double(count).squareRoot())
    }

    @Test func belowStaysInRangeAndCoversIt() {
        var random = WorldRandom(seed: 3)
        var seen = Set<Int>()
        for _ in 0..<1_000 {
            let value = random.below(7)
            #expect((0..<7).contains(value))
            seen.insert(value)
        }
        #expect(seen.count == 7)
    }
}
