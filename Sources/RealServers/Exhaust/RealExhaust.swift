import Foundation
import PoolWorld

/// A bounded load through the real PgBouncer: N clients at once, each running a few `pg_sleep`s in
/// transaction mode against a pool of 4, while `SHOW POOLS` is sampled; beside the same load in the world.
public struct RealExhaust: Sendable {
    public static let bouncerPoolSize = 4
    public static let clientRange = 1...50
    public var clients: Int
    public var queriesPerClient = 3
    public var sleep = 0.2

    public init(clients: Int = 12) {
        self.clients = clients
    }

    /// The busiest `SHOW POOLS` sample for `load_db`, and how the run went.
    public struct Outcome: Sendable {
        public var busiest: [String: String]
        public var samples: Int
        public var completed: Int
        public var errors: [String]
        public var seconds: Double
        /// The columns of `SHOW POOLS` as the installed PgBouncer prints them.
        public var columns: [String]
    }

    /// Runs the load; every client gives up after its connect timeout, and the run after 60 s at most.
    public func run(_ lab: RealServerLab) throws(PGError) -> Outcome {
        let console = try lab.connectAsAdmin(bouncerConsole: true)
        defer { console.close() }
        let group = DispatchGroup()
        let results = Tally()
        let start = ContinuousClock.now
        for _ in 0..<clients {
            let connection: PGConnection
            do {
                connection = try lab.connect(.trust, viaBouncer: true, database: "load_db")
            } catch {
                results.add(error: "\(error)")
                continue
            }
            let statement = "SELECT pg_sleep(\(sleep))"
            let count = queriesPerClient
            // A thread each: the dispatch pool grows too slowly on a small machine to run them all at once.
            group.enter()
            let thread = Thread {
                for _ in 0..<count {
                    do {
                        _ = try connection.execute(statement)
                        results.add(error: nil)
                    } catch {
                        results.add(error: "\(error)")
                        break
                    }
                }
                connection.close()
                group.leave()
            }
            thread.start()
        }
        var busiest: [String: String] = [:]
        var columns: [String] = []
        var samples = 0
        let deadline = DispatchTime.now() + 60
        while group.wait(timeout: .now() + .milliseconds(50)) == .timedOut, DispatchTime.now() < deadline {
            guard let reply = try? console.execute("SHOW POOLS") else { continue }
            samples += 1
            columns = reply.columns
            guard let row = reply.rows.first(where: { $0.first == "load_db" }) else { continue }
            let sample = Dictionary(uniqueKeysWithValues: zip(reply.columns, row))
            func load(_ row: [String: String]) -> Int {
                (Int(row["cl_waiting"] ?? "") ?? -1) * 1_000 + (Int(row["cl_active"] ?? "") ?? 0)
            }
            if load(sample) > load(busiest) { busiest = sample }
        }
        return Outcome(
            busiest: busiest, samples: samples, completed: results.completed, errors: results.errors,
            seconds: (ContinuousClock.now - start).milliseconds / 1_000, columns: columns)
    }

    /// The same load in the world: N clients in a closed loop, the same pool, the same sleeps.
    public func simulate() throws(InputError) -> ProxySimulationResult {
        let sleep = SQLStatement.sleep(.milliseconds(self.sleep * 1_000))
        var scenario = ProxyScenario(
            workload: Workload(
                arrivals: .closedLoop(clients: clients, think: .constant(.zero)),
                script: RequestScript(name: "sleep", steps: [.statement(sleep)]),
                requestLimit: clients * queriesPerClient))
        scenario.proxy.poolMode = .transaction
        scenario.proxy.defaultPoolSize = Self.bouncerPoolSize
        scenario.proxy.maxClientConn = 200
        scenario.database.setup = .loopbackTrust
        scenario.clientsPerPod = clients
        scenario.options.sampleInterval = .milliseconds(50)
        return try ProxySimulation.run(scenario)
    }
}

/// Counts the load's answers from many threads.
private final class Tally: @unchecked Sendable {
    // @unchecked: every access holds the lock.
    private let lock = NSLock()
    private(set) var completed = 0
    private(set) var errors: [String] = []

    func add(error: String?) {
        lock.lock()
        defer { lock.unlock() }
        if let error { errors.append(error) } else { completed += 1 }
    }
}
