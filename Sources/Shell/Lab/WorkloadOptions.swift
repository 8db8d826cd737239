import Course
import PoolWorld

/// The workload flags of `poolschool sim`, which the lab's `load` takes too: one parser, one meaning.
public struct WorkloadOptions: Sendable {
    public var poolSize: Int?
    /// Idle connections the pool keeps open (default: the lab's setting, or none for `sim`).
    var minIdle: Int?
    public var arrivalRate: String?
    public var holdMean = "40ms"
    public var holdDist = "exp"
    public var arrivals = "poisson"
    public var requests = 10_000
    public var seed: UInt64 = 1
    public var borrowTimeout: String?
    public var warm = false
    public var dbCores: Int?
    public var setup: String?
    public var maxConnections: Int?
    public var instances: Int?
    public var maxOverflow: Int?
    /// What each request does: hold (plain time), query (database CPU), transaction, nested.
    var script = "auto"
    /// A closed loop of this many clients instead of open-loop arrivals.
    var clients: Int?
    var think = "0ms"
    var retries = 0
    var backoff = "none"
    /// This fraction of requests are slow reports holding `reportHold`.
    var reportShare = 0.0
    var reportHold = "2s"

    public init() {}

    public struct Problem: Error, Equatable, Sendable {
        public let message: String
    }

    /// The flags, with what each takes, for errors and completion.
    static let flags: [(name: String, value: String)] = [
        ("--pool-size", "N"), ("--min-idle", "N"), ("--arrival-rate", "R/s"), ("--hold-mean", "DURATION"),
        ("--hold-dist", "exp|const"),
        ("--arrivals", "poisson|constant"), ("--requests", "N"), ("--seed", "N"), ("--borrow-timeout", "DURATION|none"),
        ("--warm", ""), ("--db-cores", "N"), ("--setup", "PRESET"), ("--max-connections", "N"), ("--instances", "N"),
        ("--max-overflow", "N"), ("--script", "hold|query|transaction|nested"), ("--clients", "N"),
        ("--think", "DURATION"), ("--retries", "N"), ("--backoff", "none|exp|const"), ("--report-share", "FRACTION"),
        ("--report-hold", "DURATION"),
    ]

    /// The range each whole-number flag accepts: past these a run would allocate gigabytes or overflow.
    static let ranges: [String: ClosedRange<Int>] = [
        "--pool-size": 1...10_000, "--requests": 1...10_000_000, "--db-cores": 1...1_024,
        "--max-connections": 1...100_000, "--instances": 1...1_000, "--max-overflow": 0...10_000,
        "--clients": 1...100_000, "--retries": 0...100, "--seed": 0...Int.max,
    ]
    /// Connections all instances may hold at once (`--instances` × (`--pool-size` + `--max-overflow`)).
    static let connectionLimit = 100_000

    /// Reads `--flag value`, `--flag=value` and `--warm` from the lab's command line.
    static func parse(_ words: [String]) throws(Problem) -> WorkloadOptions {
        var options = WorkloadOptions()
        var index = 0
        while index < words.count {
            var name = words[index]
            var value: String?
            if let equals = name.firstIndex(of: "=") {
                value = String(name[name.index(after: equals)...])
                name = String(name[..<equals])
            }
            guard name.hasPrefix("--") else {
                throw Problem(message: "expected a flag such as --arrival-rate, got '\(Sanitizer.clean(name))'")
            }
            guard let flag = flags.first(where: { $0.name == name }) else {
                let hint =
                    EditDistance.suggestion(for: name, among: flags.map(\.name)).map {
                        "; did you mean \($0)?"
                    } ?? ""
                throw Problem(message: "unknown flag \(Sanitizer.clean(name))\(hint)")
            }
            if flag.value.isEmpty {
                options.warm = true
                index += 1
                continue
            }
            if value == nil {
                guard index + 1 < words.count else { throw Problem(message: "\(name) needs a value (\(flag.value))") }
                value = words[index + 1]
                index += 1
            }
            try options.set(name, value!)
            index += 1
        }
        return options
    }

    private mutating func set(_ name: String, _ value: String) throws(Problem) {
        func int() throws(Problem) -> Int {
            do {
                return try InputLimits.wholeNumber(value, name, in: Self.ranges[name] ?? 0...Int.max)
            } catch {
                throw Problem(message: error.message)
            }
        }
        switch name {
        case "--pool-size": poolSize = try int()
        case "--min-idle": minIdle = try int()
        case "--arrival-rate": arrivalRate = value
        case "--hold-mean": holdMean = value
        case "--hold-dist": holdDist = value
        case "--arrivals": arrivals = value
        case "--requests": requests = try int()
        case "--seed": seed = UInt64(try int())
        case "--borrow-timeout": borrowTimeout = value
        case "--db-cores": dbCores = try int()
        case "--setup": setup = value
        case "--max-connections": maxConnections = try int()
        case "--instances": instances = try int()
        case "--max-overflow": maxOverflow = try int()
        case "--script": script = value
        case "--clients": clients = try int()
        case "--think": think = value
        case "--retries": retries = try int()
        case "--backoff": backoff = value
        case "--report-share":
            guard let share = Double(value), (0...1).contains(share) else {
                throw Problem(message: "--report-share takes a fraction from 0 to 1, got '\(Sanitizer.clean(value))'")
            }
            reportShare = share
        default: reportHold = value  // --report-hold
        }
    }

    /// The scenario these flags describe on top of `base` (the lab's current settings), or sim's defaults.
    public func scenario(base: Scenario? = nil) throws(Problem) -> Scenario {
        try checkRanges()
        let rate = try arrivalRate.map { (text) throws(Problem) in
            try parse("--arrival-rate") { () throws(InputError) in try ArrivalRate(parsing: text) }
        }
        guard clients != nil || rate != nil else {
            throw Problem(message: "--arrival-rate is required (e.g. 400/s), unless --clients N runs a closed loop")
        }
        let hold = try duration("--hold-mean", holdMean)
        guard hold > .zero else { throw Problem(message: "--hold-mean must be above zero, got \(holdMean)") }
        let distribution: Distribution
        switch holdDist.lowercased() {
        case "exp", "exponential": distribution = .exponential(mean: hold)
        case "const", "constant": distribution = .constant(hold)
        default: throw Problem(message: "--hold-dist must be exp or const, got \"\(holdDist)\"")
        }
        var process: Workload.Arrivals
        if let clients {
            guard clients >= 1 else { throw Problem(message: "--clients must be at least 1, got \(clients)") }
            process = .closedLoop(clients: clients, think: .exponential(mean: try duration("--think", think)))
            if try duration("--think", think) == .zero {
                process = .closedLoop(clients: clients, think: .constant(.zero))
            }
        } else if let rate {
            switch arrivals.lowercased() {
            case "poisson": process = .poisson(rate)
            case "constant", "const": process = .constant(rate)
            default: throw Problem(message: "--arrivals must be poisson or constant, got \"\(arrivals)\"")
            }
        } else {
            process = .none
        }
        guard requests >= 1 else { throw Problem(message: "--requests must be at least 1, got \(requests)") }

        var scenario = base ?? Scenario(workload: Workload(arrivals: .none, script: .hold(.constant(.zero))))
        if base == nil {
            scenario.pool = PoolConfig.plain(size: poolSize ?? 10, borrowTimeout: nil)
            scenario.database.cores = nil
        }
        if let poolSize { scenario.pool.maxSize = poolSize }
        if let minIdle {
            guard (0...scenario.pool.maxSize).contains(minIdle) else {
                throw Problem(
                    message: "--min-idle must be from 0 to the pool size (\(scenario.pool.maxSize)), got \(minIdle)")
            }
            scenario.pool.minIdle = minIdle
        } else if scenario.pool.minIdle > scenario.pool.maxSize {
            // A smaller --pool-size than the lab's min idle: keep the pool whole, as small as asked.
            scenario.pool.minIdle = scenario.pool.maxSize
        }
        if let dbCores {
            guard dbCores >= 1 else { throw Problem(message: "--db-cores must be at least 1, got \(dbCores)") }
            scenario.database.cores = dbCores
        }
        if let borrowTimeout {
            scenario.pool.borrowTimeout =
                ["none", "off", "0"].contains(borrowTimeout.lowercased())
                ? nil : try duration("--borrow-timeout", borrowTimeout)
        }
        if let setup {
            scenario.database.setup = try parse("--setup") { () throws(InputError) in
                try SetupPreset.named(setup)
            }
        }
        if let maxConnections { scenario.database.maxConnections = maxConnections }
        if let instances { scenario.instances = instances }
        if let maxOverflow { scenario.pool.maxOverflow = maxOverflow }
        scenario.seed = seed
        scenario.warmStart = warm
        if warm { scenario.pool.minIdle = scenario.pool.maxSize }

        let work: RequestScript
        switch script.lowercased() {
        case "auto": work = scenario.database.cores == nil ? .hold(distribution) : .query(distribution)
        case "hold": work = .hold(distribution)
        case "query": work = .query(distribution)
        case "transaction": work = .transaction(statements: 3, cost: distribution)
        case "nested": work = .nestedTransaction(hold: distribution)
        default: throw Problem(message: "--script must be hold, query, transaction or nested, got \"\(script)\"")
        }
        var mix: [(weight: Double, script: RequestScript)] = [(1 - reportShare, work)]
        if reportShare > 0 {
            let report = RequestScript.hold(.constant(try duration("--report-hold", reportHold)), name: "report")
            mix = reportShare < 1 ? [(1 - reportShare, work), (reportShare, report)] : [(1, report)]
        }
        var workload = Workload(arrivals: process, mix: mix, requestLimit: requests)
        if retries > 0 {
            let backoffPolicy: RetryPolicy.Backoff
            switch backoff.lowercased() {
            case "none": backoffPolicy = .none
            case "exp", "exponential":
                backoffPolicy = .exponential(base: .milliseconds(50), cap: .seconds(5), jitter: true)
            case "const", "constant": backoffPolicy = .constant(.milliseconds(100))
            default: throw Problem(message: "--backoff must be none, exp or const, got \"\(backoff)\"")
            }
            workload.retry = RetryPolicy(maxAttempts: retries + 1, backoff: backoffPolicy)
        }
        scenario.workload = workload
        if let problem = scenario.problems.first { throw Problem(message: problem) }
        let connections = scenario.instances * (scenario.pool.maxSize + scenario.pool.maxOverflow)
        guard connections <= Self.connectionLimit else {
            throw Problem(
                message: "\(scenario.instances) instance(s) × (pool size \(scenario.pool.maxSize) + overflow "
                    + "\(scenario.pool.maxOverflow)) is \(connections) connections; at most \(Self.connectionLimit)")
        }
        return scenario
    }

    /// The whole-number flags against their ranges, however they were set (`load` parses them, `sim`
    /// sets them from its own flags): one check for both.
    private func checkRanges() throws(Problem) {
        let values: [(String, Int?)] = [
            ("--pool-size", poolSize), ("--requests", requests), ("--db-cores", dbCores),
            ("--max-connections", maxConnections), ("--instances", instances), ("--max-overflow", maxOverflow),
            ("--clients", clients), ("--retries", retries),
        ]
        for case (let flag, let value?) in values {
            do {
                try InputLimits.check(value, flag, in: Self.ranges[flag] ?? 0...Int.max)
            } catch {
                throw Problem(message: error.message)
            }
        }
    }

    private func duration(_ flag: String, _ text: String) throws(Problem) -> SimDuration {
        try parse(flag) { () throws(InputError) in try SimDuration(parsing: text) }
    }

    private func parse<T>(_ flag: String, _ body: () throws(InputError) -> T) throws(Problem) -> T {
        do {
            return try body()
        } catch {
            throw Problem(message: "\(flag): \(error.message)")
        }
    }
}
