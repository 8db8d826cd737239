import ArgumentParser
import PoolWorld
import Shell

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

    @Option(
        help:
            "Connection setup preset: loopback-trust (2.8 ms), scram (9.6 ms), tls-scram (14.9 ms), reservation-desk (18 ms, over a network), none, or measured (also measured-trust, measured-tls-scram: what real calibrate measured here)."
    )
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
        var options = WorkloadOptions()
        options.poolSize = poolSize
        options.arrivalRate = arrivalRate
        options.holdMean = holdMean
        options.holdDist = holdDist
        options.arrivals = arrivals
        options.requests = requests
        options.seed = seed
        options.borrowTimeout = borrowTimeout
        options.warm = warm
        options.dbCores = dbCores
        options.setup = setup
        options.maxConnections = maxConnections
        options.instances = instances
        options.maxOverflow = maxOverflow
        guard poolSize >= 1 else { throw ValidationError("--pool-size must be at least 1, got \(poolSize)") }
        do {
            var scenario = try options.scenario()
            scenario.options.recordTrace = trace
            return scenario
        } catch {
            throw ValidationError(error.message)
        }
    }
}
