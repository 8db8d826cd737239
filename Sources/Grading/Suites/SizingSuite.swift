/// The suite of exercise 1: each formula against the lessons' worked examples, then against many random
/// inputs, with a relative tolerance of 1e-9 for real numbers and exact answers for counts.
public enum SizingSuite {
    public static func suite<Sizing: SizingExercise>(_ type: Sizing.Type) -> ExerciseSuite {
        ExerciseSuite(
            exercise: GradedExercise.sizing.name,
            checks: [
                real("setupShare(setup:query:)", 1, lesson: "02-connection-cost", worked: [(0.018, 0.006, 0.75)]) {
                    random in
                    let setup = random.nextUnit() * 0.05
                    let query = 0.0005 + random.nextUnit() * 0.05
                    return (setup, query, Sizing.setupShare(setup: setup, query: query), setup / (setup + query))
                } worked: {
                    Sizing.setupShare(setup: $0, query: $1)
                },
                count("hardwareRule(cores:spindles:)", 2, lesson: "04-sizing-formulas", worked: [(4, 1, 9)]) {
                    random in
                    let cores = 1 + random.below(64)
                    let spindles = random.below(8)
                    return (
                        cores, spindles, Sizing.hardwareRule(cores: cores, spindles: spindles), cores * 2 + spindles
                    )
                } worked: {
                    Sizing.hardwareRule(cores: $0, spindles: $1)
                },
                real(
                    "connectionsNeeded(ratePerSecond:holdSeconds:)", 3, lesson: "04-sizing-formulas",
                    worked: [(500, 0.010, 5)]
                ) { random in
                    let rate = Double(1 + random.below(10_000))
                    let hold = random.nextUnit() * 0.2
                    return (rate, hold, Sizing.connectionsNeeded(ratePerSecond: rate, holdSeconds: hold), rate * hold)
                } worked: {
                    Sizing.connectionsNeeded(ratePerSecond: $0, holdSeconds: $1)
                },
                Check(name: "perInstanceBudget(safeTotal:reserved:instances:) (lesson 05-budget-and-demand)") { _ in
                    var random = WorldRandom(seed: 40_001)
                    var cases = [(120, 24, 6, 16), (90, 15, 5, 15), (100, 3, 40, 2)]
                    for _ in 0..<200 {
                        let safe = 10 + random.below(500)
                        let reserved = random.below(safe)
                        let instances = 1 + random.below(50)
                        cases.append((safe, reserved, instances, (safe - reserved) / instances))
                    }
                    for (safe, reserved, instances, expected) in cases {
                        let got = Sizing.perInstanceBudget(safeTotal: safe, reserved: reserved, instances: instances)
                        if got != expected {
                            return failure(
                                "perInstanceBudget(safeTotal: \(safe), reserved: \(reserved), instances: \(instances))",
                                got: "\(got)", expected: "\(expected)",
                                why: "(safe total − reserved) / instances, rounded down")
                        }
                    }
                    return CheckResult(name: "", passed: true, cases: cases.count)
                }.named("perInstanceBudget(safeTotal:reserved:instances:) (lesson 05-budget-and-demand)"),
                Check(name: "") { _ in
                    var random = WorldRandom(seed: 50_001)
                    var cases = [(16, 3.2, 2.5, 8), (15, 1.8, 2.0, 4), (16, 40.0, 2.0, 16), (10, 0.01, 1.0, 1)]
                    for _ in 0..<200 {
                        let budget = 1 + random.below(100)
                        let demand = random.nextUnit() * 60
                        let burst = 1 + random.nextUnit() * 2
                        let wanted = Int((demand * burst).rounded(.up))
                        cases.append((budget, demand, burst, min(budget, max(1, wanted))))
                    }
                    for (budget, demand, burst, expected) in cases {
                        let got = Sizing.startingPoolSize(budget: budget, demand: demand, burstFactor: burst)
                        if got != expected {
                            return failure(
                                "startingPoolSize(budget: \(budget), demand: \(demand), burstFactor: \(burst))",
                                got: "\(got)", expected: "\(expected)",
                                why: "demand × burst factor rounded up, at least 1, never above the budget")
                        }
                    }
                    return CheckResult(name: "", passed: true, cases: cases.count)
                }.named("startingPoolSize(budget:demand:burstFactor:) (lesson 05-budget-and-demand)"),
                real(
                    "throughputCeiling(poolSize:holdSeconds:)", 6, lesson: "06-throughput-ceilings",
                    worked: [(20, 0.05, 400)]
                ) { random in
                    let size = 1 + random.below(200)
                    let hold = 0.001 + random.nextUnit() * 0.2
                    return (
                        Double(size), hold, Sizing.throughputCeiling(poolSize: size, holdSeconds: hold),
                        Double(size) / hold
                    )
                } worked: {
                    Sizing.throughputCeiling(poolSize: Int($0), holdSeconds: $1)
                },
                Check(name: "") { _ in
                    var random = WorldRandom(seed: 70_001)
                    var cases: [(Double, Int, Double, Double, Double)] = [
                        (700, 20, 0.05, 10, 3_000), (300, 20, 0.05, 10, 0),
                    ]
                    for _ in 0..<200 {
                        let rate = Double(random.below(2_000))
                        let size = 1 + random.below(50)
                        let hold = 0.001 + random.nextUnit() * 0.1
                        let seconds = Double(1 + random.below(60))
                        cases.append((rate, size, hold, seconds, max(0, rate - Double(size) / hold) * seconds))
                    }
                    for (rate, size, hold, seconds, expected) in cases {
                        let got = Sizing.queueGrowth(
                            arrivalRate: rate, poolSize: size, holdSeconds: hold, seconds: seconds)
                        if !close(got, expected) {
                            return failure(
                                "queueGrowth(arrivalRate: \(rate), poolSize: \(size), holdSeconds: \(hold), seconds: \(seconds))",
                                got: "\(got)", expected: "\(expected)",
                                why: "(arrival rate − pool size / hold) × seconds, or 0 when the pool keeps up")
                        }
                    }
                    return CheckResult(name: "", passed: true, cases: cases.count)
                }.named("queueGrowth(arrivalRate:poolSize:holdSeconds:seconds:) (lesson 06-throughput-ceilings)"),
                count(
                    "deadlockFreePoolSize(threads:connectionsPerThread:)", 8, lesson: "11-configuring-pools",
                    worked: [(8, 2, 9)]
                ) { random in
                    let threads = 1 + random.below(100)
                    let each = 1 + random.below(5)
                    return (
                        threads, each, Sizing.deadlockFreePoolSize(threads: threads, connectionsPerThread: each),
                        threads * (each - 1) + 1
                    )
                } worked: {
                    Sizing.deadlockFreePoolSize(threads: $0, connectionsPerThread: $1)
                },
                count(
                    "fleetConnections(maxSize:instances:)", 9, lesson: "11-configuring-pools", worked: [(100, 5, 500)]
                ) {
                    random in
                    let size = 1 + random.below(100)
                    let instances = 1 + random.below(50)
                    return (
                        size, instances, Sizing.fleetConnections(maxSize: size, instances: instances), size * instances
                    )
                } worked: {
                    Sizing.fleetConnections(maxSize: $0, instances: $1)
                },
            ])
    }

    static func close(_ got: Double, _ expected: Double) -> Bool {
        abs(got - expected) <= 1e-9 * max(1, abs(expected))
    }

    static func failure(_ call: String, got: String, expected: String, why: String) -> CheckResult {
        CheckResult(name: "", passed: false, message: "\(call) returned \(got), expected \(expected): \(why)", cases: 1)
    }

    /// A formula of two real inputs: the worked examples, then 200 random cases.
    static func real(
        _ function: String, _ number: Int, lesson: String, worked: [(Double, Double, Double)],
        random draw: @escaping @Sendable (inout WorldRandom) -> (Double, Double, Double, Double),
        worked call: @escaping @Sendable (Double, Double) -> Double
    ) -> Check {
        let name = "\(function) (lesson \(lesson))"
        return Check(name: name) { _ in
            for (a, b, expected) in worked where !close(call(a, b), expected) {
                return failure(
                    "\(function) with \(a), \(b)", got: "\(call(a, b))", expected: "\(expected)",
                    why: "the lesson's worked example"
                ).named(name)
            }
            var random = WorldRandom(seed: UInt64(number) * SeedPlan.stride + 1)
            for _ in 0..<200 {
                let (a, b, got, expected) = draw(&random)
                if !close(got, expected) {
                    return failure("\(function) with \(a), \(b)", got: "\(got)", expected: "\(expected)", why: lesson)
                        .named(name)
                }
            }
            return CheckResult(name: name, passed: true, cases: 200 + worked.count)
        }
    }

    /// A formula of two whole-number inputs, answered exactly.
    static func count(
        _ function: String, _ number: Int, lesson: String, worked: [(Int, Int, Int)],
        random draw: @escaping @Sendable (inout WorldRandom) -> (Int, Int, Int, Int),
        worked call: @escaping @Sendable (Int, Int) -> Int
    ) -> Check {
        let name = "\(function) (lesson \(lesson))"
        return Check(name: name) { _ in
            for (a, b, expected) in worked where call(a, b) != expected {
                return failure(
                    "\(function) with \(a), \(b)", got: "\(call(a, b))", expected: "\(expected)",
                    why: "the lesson's worked example"
                ).named(name)
            }
            var random = WorldRandom(seed: UInt64(number) * SeedPlan.stride + 1)
            for _ in 0..<200 {
                let (a, b, got, expected) = draw(&random)
                if got != expected {
                    return failure("\(function) with \(a), \(b)", got: "\(got)", expected: "\(expected)", why: lesson)
                        .named(name)
                }
            }
            return CheckResult(name: name, passed: true, cases: 200 + worked.count)
        }
    }
}

extension CheckResult {
    func named(_ name: String) -> CheckResult {
        var copy = self
        copy.name = name
        return copy
    }
}

extension Check {
    /// The same check under `name`, its results renamed too.
    func named(_ name: String) -> Check {
        let body = self.body
        return Check(name: name) { body($0).named(name) }
    }
}
