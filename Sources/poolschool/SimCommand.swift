import ArgumentParser
import PoolWorld

/// `poolschool sim`: one workload in the simulated world, from flags.
///
/// Thin on purpose: it turns flags into a `Scenario`, runs it with `Simulation.run` and prints the result.
/// With `--db-cores` unset the database has unlimited CPU and a request's hold is plain time with the
/// connection, so the run is the textbook M/M/c queue (Poisson arrivals, exponential holds, c connections);
/// with `--db-cores N` the hold becomes CPU work shared by N cores, and an oversized pool slows everything down.
struct SimCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sim",
        abstract: "Run one workload against a connection pool in the simulated world.",
        discussion: """
            Requests arrive at --arrival-rate, each borrows a connection, holds it for a time drawn from \
            --hold-dist with mean --hold-mean, and returns it. Virtual time: a run of a million requests takes \
            well under a second. The same flags and seed always give the same results (wall_ms aside).

            Example (an M/M/c queue to compare with Erlang C):
              poolschool sim --pool-size 20 --arrival-rate 400/s --hold-mean 40ms --requests 1000000 --seed 1 --warm
            """)

    @Option(help: "Connections in the pool.")
    var poolSize = 10

    @Option(help: "Requests per second, e.g. 400/s or 400 (Poisson arrivals unless --arrivals constant).")
    var arrivalRate: String

    @Option(help: "Mean time a request holds its connection, e.g. 40ms, 0.04s.")
    var holdMean: String

    @Option(help: "Distribution of hold times: exp or const.")
    var holdDist = "exp"

    @Option(help: "Arrival process: poisson or constant.")
    var arrivals = "poisson"

    @Option(help: "Requests to send.")
    var requests = 10_000

    @Option(help: "Seed for every random choice.")
    var seed: UInt64 = 1

    @Option(help: "How long a borrower waits before failing, e.g. 30s; none waits forever (the default).")
    var borrowTimeout = "none"

    @Flag(help: "Start with the pool full, its connections already open (no setup cost).")
    var warm = false

    @Option(help: "Database CPU cores; when set, holds are CPU work shared by these cores. Default: unlimited.")
    var dbCores: Int?

    @Option(help: "Connection setup preset: loopback-trust, scram, tls-scram, reservation-desk or none.")
    var setup = "scram"

    @Option(help: "The database's max_connections.")
    var maxConnections = 100

    @Option(help: "App instances, each with its own pool against the one database.")
    var instances = 1

    @Option(help: "Connections allowed above the pool size under load (SQLAlchemy's max_overflow).")
    var maxOverflow = 0

    @Flag(help: "Print JSON instead of a summary.")
    var json = false

    @Flag(help: "Print every event of the run, one line each, before the summary (slow for big runs).")
    var trace = false

    func validate() throws {
        _ = try scenario()
    }

    func run() throws {
        let scenario = try scenario()
        let clock = ContinuousClock()
        var result: SimulationResult?
        let elapsed = clock.measure { result = Simulation.run(scenario) }
        guard let result else { return }
        if trace {
            for event in result.trace { print(event) }
        }
        let wallMilliseconds = Double(elapsed.components.seconds) * 1e3 + Double(elapsed.components.attoseconds) / 1e15
        print(
            json
                ? SimReport.json(result, wallMilliseconds: wallMilliseconds)
                : SimReport.text(result, scenario: scenario, wallMilliseconds: wallMilliseconds))
    }

    /// The scenario the flags describe, or a `ValidationError` naming the flag and what it accepts.
    func scenario() throws -> Scenario {
        guard poolSize >= 1 else { throw ValidationError("--pool-size must be at least 1, got \(poolSize)") }
        guard requests >= 1 else { throw ValidationError("--requests must be at least 1, got \(requests)") }
        guard instances >= 1 else { throw ValidationError("--instances must be at least 1, got \(instances)") }
        guard maxConnections >= 1 else {
            throw ValidationError("--max-connections must be at least 1, got \(maxConnections)")
        }
        guard maxOverflow >= 0 else { throw ValidationError("--max-overflow must be 0 or more, got \(maxOverflow)") }
        if let dbCores, dbCores < 1 { throw ValidationError("--db-cores must be at least 1, got \(dbCores)") }
        let rate = try flag("--arrival-rate") { try ArrivalRate(parsing: arrivalRate) }
        let hold = try flag("--hold-mean") { try SimDuration(parsing: holdMean) }
        guard hold > .zero else { throw ValidationError("--hold-mean must be above zero, got \(holdMean)") }
        let distribution: Distribution
        switch holdDist.lowercased() {
        case "exp", "exponential": distribution = .exponential(mean: hold)
        case "const", "constant": distribution = .constant(hold)
        default: throw ValidationError("--hold-dist must be exp or const, got \"\(holdDist)\"")
        }
        let process: Workload.Arrivals
        switch arrivals.lowercased() {
        case "poisson": process = .poisson(rate)
        case "constant", "const": process = .constant(rate)
        default: throw ValidationError("--arrivals must be poisson or constant, got \"\(arrivals)\"")
        }
        var timeout: SimDuration?
        if !["none", "off", "0"].contains(borrowTimeout.lowercased()) {
            timeout = try flag("--borrow-timeout") { try SimDuration(parsing: borrowTimeout) }
        }
        let setupCost = try flag("--setup") { try ConnectionSetup.preset(named: setup) }

        let script: RequestScript = dbCores == nil ? .hold(distribution) : .query(distribution)
        var scenario = Scenario(workload: Workload(arrivals: process, script: script, requestLimit: requests))
        scenario.seed = seed
        scenario.instances = instances
        scenario.warmStart = warm
        scenario.pool = PoolConfig.plain(size: poolSize, borrowTimeout: timeout)
        scenario.pool.minIdle = warm ? poolSize : 0
        scenario.pool.maxOverflow = maxOverflow
        scenario.database.cores = dbCores
        scenario.database.setup = setupCost
        scenario.database.maxConnections = maxConnections
        scenario.options.recordTrace = trace
        if let problem = scenario.problems.first { throw ValidationError(problem) }
        return scenario
    }

    private func flag<T>(_ name: String, _ parse: () throws -> T) throws -> T {
        do {
            return try parse()
        } catch let error as InputError {
            throw ValidationError("\(name): \(error.message)")
        }
    }
}
