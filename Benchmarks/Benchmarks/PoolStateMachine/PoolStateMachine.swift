import Benchmark
import PoolWorld

/// The reference pool's state machine alone: one borrow and one return per iteration, no simulator.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(metrics: [.wallClock, .mallocCountTotal], scalingFactor: .kilo, maxDuration: .seconds(3))

    Benchmark("ReferencePool borrow+release, uncontended") { benchmark in
        var driver = PoolDriver(size: 10, waiters: 0)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { driver.uncontendedCycle() }
        benchmark.stopMeasurement()
        blackHole(driver.lent)
    }

    Benchmark("ReferencePool borrow+release, 100 waiters queued") { benchmark in
        var driver = PoolDriver(size: 1, waiters: 100)
        benchmark.startMeasurement()
        for _ in benchmark.scaledIterations { driver.queuedCycle() }
        benchmark.stopMeasurement()
        blackHole(driver.lent)
    }
}

/// Feeds the pool events as the simulator would, reusing one action buffer.
struct PoolDriver {
    var pool: ReferencePool
    var actions = PoolActions()
    var next = 0
    var lent = 0
    var held = ConnectionID(1)
    let now = SimInstant.start

    init(size: Int, waiters: Int) {
        pool = ReferencePool(config: .plain(size: size), seed: 1)
        send(.start)
        // The first borrow opens the one connection the cycles reuse.
        send(.borrowRequested(RequestID(0)))
        send(.connectionOpened(held))
        for _ in 0..<waiters { borrow() }
    }

    mutating func send(_ event: PoolEvent) {
        actions.removeAll()
        pool.handle(event, at: now, into: &actions)
        for action in actions {
            if case .lend(let connection, _) = action {
                held = connection
                lent &+= 1
            }
        }
    }

    mutating func borrow() {
        next += 1
        send(.borrowRequested(RequestID(next)))
    }

    /// Return the connection, then borrow it again: nobody waits.
    mutating func uncontendedCycle() {
        send(.connectionReturned(held))
        borrow()
    }

    /// Return the connection to the head of a line of 100, and join the tail: the line stays 100 long.
    mutating func queuedCycle() {
        send(.connectionReturned(held))
        borrow()
    }
}
