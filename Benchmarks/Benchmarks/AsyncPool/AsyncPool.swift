import Benchmark
import Grading
import PoolWorld
import Solutions
import Synchronization

/// Exercise 7's reference: an actor around the reference pool, borrowed from and returned to by real tasks.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .throughput], scalingFactor: .kilo, maxDuration: .seconds(3))

    for tasks in [2, 16] {
        Benchmark("AsyncPool borrow+release, \(tasks) tasks") { benchmark in
            let pool = AsyncPool(config: .plain(size: 10), connector: instantConnector())
            let perTask = max(1, benchmark.scaledIterations.count / tasks)
            benchmark.startMeasurement()
            await withTaskGroup(of: Void.self) { group in
                for _ in 0..<tasks {
                    group.addTask {
                        for _ in 0..<perTask {
                            guard let connection = try? await pool.borrow() else { continue }
                            await pool.release(connection)
                        }
                    }
                }
            }
            benchmark.stopMeasurement()
        }
    }
}

/// Connections that open at once, so the benchmark measures the pool, not a fake network.
func instantConnector() -> Connector {
    let next = Atomic<Int32>(0)
    return Connector(
        open: { ConnectionID(next.add(1, ordering: .relaxed).newValue) },
        close: { _ in })
}
