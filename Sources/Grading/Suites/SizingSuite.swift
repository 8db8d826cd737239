import PoolWorld

/// The suite of exercise 1: each formula against the lessons' worked examples, then against many random
/// inputs, with a relative tolerance of 1e-9 for real numbers and exact answers for counts.
public enum SizingSuite {
    public static func suite<Sizing: SizingExercise>(_ type: Sizing.Type) -> ExerciseSuite {
        ExerciseSuite(
            exercise: GradedExercise.sizing.name,
            checks: [
                real(
                    "setupShare(setup:query:)", 1, lesson: "02-connection-cost",
                    worked: [(0.018, 0.006, 0.75), (0, 0.006, 0)]
                ) {
                    random in
                    let setup = random.nextUnit() * 0.05
                    let query = 0.0005 + random.nextUnit() * 0.05
                    return (setup, query, Sizing.setupShare(setup: setup, query: query), setup / (setup + query))
                } worked: {
                    Sizing.setupShare(setup: $0, query: $1)
                },
                count("hardwareRule(cores:spindles:)", 2, lesson: "04-sizing-formulas", worked: [(4, 1, 9), (1, 0, 2)])
                {
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
                    // Zero demand, and a product that is a whole number.
                    worked: [(500, 0.010, 5), (0, 0.05, 0), (400, 0.25, 100)]
                ) { random in
                    let rate = Double(1 + random.below(10_000))
                    let hold = random.nextUnit() * 0.2
                    return (rate, hold, Sizing.connectionsNeeded(ratePerSecond: rate, holdSeconds: hold), rate * hold)
                } worked: {
                    Sizing.connectionsNeeded(ratePerSecond: $0, holdSeconds: $1)
                },
                Check(name: "perInstanceBudget(safeTotal:reserved:instances:) (lesson 05-budget-and-demand)") { _ in
                    var random = WorldRandom(seed: 40_001)
                    // The edges: everything reserved, one instance, an exact division.
                    var cases = [(120, 24, 6, 16), (90, 15, 5, 15), (100, 3, 40, 2), (10, 10, 3, 0), (100, 0, 1, 100)]
                    for _ in 0..<200 {
                        let safe = 10 + random.below(500)
                        let reserved = random.below(safe)
                        let instances = 1 + random.below(50)
                        cases.append((safe, reserved, instances, (safe - reserved) / instances))
                    }
                    return verify(
                        cases.map { safe, reserved, instances, expected in
                            FormulaCase(
                                call:
                                    "perInstanceBudget(safeTotal: \(safe), reserved: \(reserved), instances: \(instances))",
                                got: Sizing.perInstanceBudget(
                                    safeTotal: safe, reserved: reserved, instances: instances),
                                expected: expected)
                        }, matches: ==, why: "(safe total − reserved) / instances, rounded down")
                }.named("perInstanceBudget(safeTotal:reserved:instances:) (lesson 05-budget-and-demand)"),
                Check(name: "") { _ in
                    var random = WorldRandom(seed: 50_001)
                    // Zero demand is still one connection; an exact whole product is not rounded up past itself.
                    var cases = [
                        (16, 3.2, 2.5, 8), (15, 1.8, 2.0, 4), (16, 40.0, 2.0, 16), (10, 0.01, 1.0, 1),
                        (16, 0.0, 2.0, 1),
                        (16, 4.0, 2.5, 10), (16, 1.5, 2.0, 3), (16, 6.4, 2.5, 16), (3, 0.5, 4.0, 2),
                    ]
                    for _ in 0..<200 {
                        let budget = 1 + random.below(100)
                        let demand = random.nextUnit() * 60
                        let burst = 1 + random.nextUnit() * 2
                        let wanted = Int((demand * burst).rounded(.up))
                        cases.append((budget, demand, burst, min(budget, max(1, wanted))))
                    }
                    return verify(
                        cases.map { budget, demand, burst, expected in
                            FormulaCase(
                                call: "startingPoolSize(budget: \(budget), demand: \(demand), burstFactor: \(burst))",
                                got: Sizing.startingPoolSize(budget: budget, demand: demand, burstFactor: burst),
                                expected: expected)
                        }, matches: ==, why: "demand × burst factor rounded up, at least 1, never above the budget")
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
                        (700, 20, 0.05, 10, 3_000), (300, 20, 0.05, 10, 0), (400, 20, 0.05, 10, 0), (0, 5, 0.1, 60, 0),
                    ]
                    for _ in 0..<200 {
                        let rate = Double(random.below(2_000))
                        let size = 1 + random.below(50)
                        let hold = 0.001 + random.nextUnit() * 0.1
                        let seconds = Double(1 + random.below(60))
                        cases.append((rate, size, hold, seconds, max(0, rate - Double(size) / hold) * seconds))
                    }
                    return verify(
                        cases.map { rate, size, hold, seconds, expected in
                            FormulaCase(
                                call:
                                    "queueGrowth(arrivalRate: \(rate), poolSize: \(size), holdSeconds: \(hold), seconds: \(seconds))",
                                got: Sizing.queueGrowth(
                                    arrivalRate: rate, poolSize: size, holdSeconds: hold, seconds: seconds),
                                expected: expected)
                        }, matches: close,
                        why: "(arrival rate − pool size / hold) × seconds, or 0 when the pool keeps up")
                }.named("queueGrowth(arrivalRate:poolSize:holdSeconds:seconds:) (lesson 06-throughput-ceilings)"),
                count(
                    "deadlockFreePoolSize(threads:connectionsPerThread:)", 8, lesson: "11-configuring-pools",
                    worked: [(8, 2, 9), (10, 1, 1), (1, 1, 1)]
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
                    "fleetConnections(maxSize:instances:)", 9, lesson: "11-configuring-pools",
                    worked: [(100, 5, 500), (1, 1, 1)]
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

    /// One call of a learner's formula: how it was called, what came back, what the lesson says.
    struct FormulaCase<Value> {
        let call: String
        let got: Value
        let expected: Value
    }

    /// The first case that does not match, as a failure that says why; a pass when they all do.
    static func verify<Value>(_ cases: [FormulaCase<Value>], matches: (Value, Value) -> Bool, why: String)
        -> CheckResult
    {
        for item in cases where !matches(item.got, item.expected) {
            return failure(item.call, got: "\(item.got)", expected: "\(item.expected)", why: why)
        }
        return CheckResult(name: "", passed: true, cases: cases.count)
    }

    /// A formula of two real inputs: the worked examples, then 200 random cases.
    static func real(
        _ function: String, _ number: Int, lesson: String, worked: [(Double, Double, Double)],
        random draw: @escaping @Sendable (inout WorldRandom) -> (Double, Double, Double, Double),
        worked call: @escaping @Sendable (Double, Double) -> Double
    ) -> Check {
        formula(function, number, lesson: lesson, worked: worked, random: draw, worked: call, matches: close)
    }

    /// A formula of two whole-number inputs, answered exactly.
    static func count(
        _ function: String, _ number: Int, lesson: String, worked: [(Int, Int, Int)],
        random draw: @escaping @Sendable (inout WorldRandom) -> (Int, Int, Int, Int),
        worked call: @escaping @Sendable (Int, Int) -> Int
    ) -> Check {
        formula(function, number, lesson: lesson, worked: worked, random: draw, worked: call, matches: ==)
    }

    /// A formula of two inputs: the lesson's worked examples first, then 200 seeded random cases.
    private static func formula<Input: Sendable, Value: Sendable>(
        _ function: String, _ number: Int, lesson: String, worked: [(Input, Input, Value)],
        random draw: @escaping @Sendable (inout WorldRandom) -> (Input, Input, Value, Value),
        worked call: @escaping @Sendable (Input, Input) -> Value,
        matches: @escaping @Sendable (Value, Value) -> Bool
    ) -> Check {
        let name = "\(function) (lesson \(lesson))"
        return Check(name: name) { _ in
            let examples = worked.map { a, b, expected in
                FormulaCase(call: "\(function) with \(a), \(b)", got: call(a, b), expected: expected)
            }
            let example = verify(examples, matches: matches, why: "the lesson's worked example")
            guard example.passed else { return example.named(name) }
            var random = WorldRandom(seed: UInt64(number) * SeedPlan.stride + 1)
            let drawn = (0..<200).map { _ in
                let (a, b, got, expected) = draw(&random)
                return FormulaCase(call: "\(function) with \(a), \(b)", got: got, expected: expected)
            }
            let random200 = verify(drawn, matches: matches, why: lesson)
            guard random200.passed else { return random200.named(name) }
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
