@testable import PoolWorld

/// The runs whose every result is pinned by `GoldenRunsTests`: pool-world and proxy-world simulations over
/// several seeds, and lab worlds driven command by command. Together they pass through arrivals of every kind,
/// bursts, request mixes, retries, timeouts, faults, fleets, each PgBouncer mode and the lab's plumbing.
enum GoldenScenarios {
    typealias Run = @Sendable () -> RunDigest

    static let all: [(name: String, run: Run)] = {
        var runs: [(name: String, run: Run)] = []
        for seed: UInt64 in [1, 2, 3] { runs.append(("mmc-\(seed)", { mmc(seed: seed) })) }
        for seed: UInt64 in [4, 5] { runs.append(("overload-retries-\(seed)", { overloadWithRetries(seed: seed) })) }
        for seed: UInt64 in [6, 7] {
            runs.append(("closed-loop-mix-bursts-\(seed)", { closedLoopMixAndBursts(seed: seed) }))
        }
        for seed: UInt64 in [8, 9] { runs.append(("fleet-\(seed)", { fleet(seed: seed) })) }
        runs.append(("constant-arrivals-session-state", { constantArrivalsWithStatements() }))
        runs.append(("deadlock", { nestedDeadlock() }))
        runs.append(("stopped-early", { stoppedEarly() }))
        runs.append(("toy-pool", { toyPool() }))
        runs.append(("lab-pool-world", { labPoolWorld() }))
        for mode in PoolMode.allCases {
            for seed: UInt64 in [1, 2] { runs.append(("proxy-\(mode)-\(seed)", { proxyRun(mode: mode, seed: seed) })) }
        }
        runs.append(("proxy-overload", { proxyOverload() }))
        runs.append(("proxy-lab-fan-in", { lab("fan-in") }))
        runs.append(("proxy-lab-modes", { lab("modes-side-by-side") }))
        runs.append(("proxy-lab-fleet", { lab("proxy-fleet") }))
        runs.append(("lab-proxy-world", { labProxyWorld() }))
        return runs
    }()

    static func digest(_ label: String, _ result: SimulationResult) -> RunDigest {
        var digest = RunDigest()
        digest.add(label, result: result)
        return digest
    }

    static func mmc(seed: UInt64) -> RunDigest {
        var scenario = holdScenario(size: 20, rate: 400, hold: .milliseconds(40), requests: 5_000, seed: seed)
        scenario.options.sampleInterval = .seconds(1)
        return digest("mmc", Simulation.run(scenario))
    }

    static func overloadWithRetries(seed: UInt64) -> RunDigest {
        var scenario = holdScenario(
            size: 5, rate: 300, hold: .milliseconds(30), requests: 3_000, seed: seed, timeout: .milliseconds(80),
            warm: false)
        scenario.workload.retry = RetryPolicy(
            maxAttempts: 3, backoff: .exponential(base: .milliseconds(10), cap: .milliseconds(200), jitter: true))
        scenario.database.cores = 2
        scenario.options.checkInvariants = true
        return digest("overload", Simulation.run(scenario))
    }

    static func closedLoopMixAndBursts(seed: UInt64) -> RunDigest {
        var workload = Workload(
            arrivals: .closedLoop(clients: 30, think: .exponential(mean: .milliseconds(20))),
            mix: [
                (3, .query(.exponential(mean: .milliseconds(4)))),
                (
                    1,
                    .transaction(
                        statements: 3, cost: .uniform(.milliseconds(1), .milliseconds(6)),
                        gap: .constant(.milliseconds(2)))
                ),
            ],
            requestLimit: 1_500)
        workload.bursts = [
            Workload.Burst(at: .milliseconds(300), count: 120), Workload.Burst(at: .seconds(1), count: 60),
        ]
        var scenario = Scenario(workload: workload)
        scenario.pool = .plain(size: 12, borrowTimeout: .milliseconds(250))
        scenario.database.cores = 4
        scenario.seed = seed
        scenario.options.sampleInterval = .milliseconds(100)
        scenario.options.recordTrace = true
        scenario.options.checkInvariants = true
        return digest("closed", Simulation.run(scenario))
    }

    static func fleet(seed: UInt64) -> RunDigest {
        var scenario = holdScenario(
            size: 15, rate: 200, hold: .milliseconds(20), requests: 2_000, seed: seed, timeout: .milliseconds(500),
            warm: false)
        scenario.instances = 4
        scenario.workload.routing = .random
        scenario.database.setup = .loopbackTrust
        scenario.database.maxConnections = 50
        scenario.options.checkInvariants = true
        scenario.options.sampleInterval = .milliseconds(500)
        return digest("fleet", Simulation.run(scenario))
    }

    static func constantArrivalsWithStatements() -> RunDigest {
        let script = RequestScript(
            name: "session",
            steps: [
                .statement(try! SQLStatement(parsing: "SET statement_timeout = '20ms'")),
                .query(.exponential(mean: .milliseconds(8))),
                .hold(.uniform(.milliseconds(1), .milliseconds(3))),
                .statement(.selectValue("1")),
            ])
        var scenario = Scenario(
            workload: Workload(
                arrivals: .constant(ArrivalRate(perSecond: 150)), script: script, duration: .seconds(20)))
        scenario.pool = .plain(size: 6, borrowTimeout: .seconds(1))
        scenario.pool.validation = .onBorrow(ifIdleFor: .milliseconds(50))
        scenario.pool.maxLifetime = .seconds(5)
        scenario.pool.idleTimeout = .seconds(2)
        scenario.database.cores = 2
        scenario.seed = 11
        scenario.options.checkInvariants = true
        return digest("constant", Simulation.run(scenario))
    }

    static func nestedDeadlock() -> RunDigest {
        var scenario = Scenario(
            workload: Workload(
                arrivals: .closedLoop(clients: 4, think: .exponential(mean: .milliseconds(1))),
                script: .nestedTransaction(hold: .exponential(mean: .milliseconds(5))), requestLimit: 2_000))
        scenario.pool = .plain(size: 4)
        scenario.database.cores = nil
        scenario.options.drainLimit = .seconds(10)
        return digest("deadlock", Simulation.run(scenario))
    }

    static func stoppedEarly() -> RunDigest {
        let scenario = holdScenario(size: 10, rate: 500, hold: .milliseconds(10), requests: 100_000, seed: 12)
        var asked: [Int] = []
        let result = Simulation.runInterruptibly(scenario) { started in
            asked.append(started)
            return asked.count < 4
        }
        var digest = digest("early", result)
        digest.add("early.asked", asked)
        return digest
    }

    static func toyPool() -> RunDigest {
        var scenario = holdScenario(
            size: 4, rate: 150, hold: .milliseconds(20), requests: 1_000, seed: 13, timeout: nil, warm: false)
        scenario.options.checkInvariants = true
        scenario.options.recordTrace = true
        return digest("toy", Simulation.run(scenario) { _ in ToyPool(size: 4, bug: .none) })
    }

    /// The lab's pool world, command by command: borrowers, SQL, leaks, bursts and every kind of fault.
    static func labPoolWorld() -> RunDigest {
        var config = PoolConfig.plain(size: 3, borrowTimeout: .seconds(2))
        config.leakDetectionThreshold = .seconds(5)
        let world = ReferenceWorld(pool: config, seed: 5)
        var digest = RunDigest()
        func record(_ label: String, _ command: () throws(InputError) -> [TraceEvent]) {
            do {
                digest.add(label, events: try command())
            } catch {
                digest.add(label, "error: \(error)")
            }
        }
        record("borrow a") { () throws(InputError) in try world.borrow("a") }
        record("borrow b") { () throws(InputError) in try world.borrow("b") }
        record("advance") { () throws(InputError) in try world.advance(by: .milliseconds(50)) }
        record("query a") { () throws(InputError) in try world.query("a", "SET statement_timeout = '50ms'") }
        record("query a sleep") { () throws(InputError) in try world.query("a", "SELECT pg_sleep(1)") }
        record("query b") { () throws(InputError) in try world.query("b", "BEGIN") }
        record("listen") { () throws(InputError) in try world.query("b", "LISTEN jobs") }
        record("notify") { () throws(InputError) in try world.query("a", "NOTIFY jobs, 'x'") }
        record("release a") { () throws(InputError) in try world.release("a") }
        record("leak b") { () throws(InputError) in try world.leak("b") }
        record("burst") { () throws(InputError) in
            try world.burst(20, script: .query(.exponential(mean: .milliseconds(30))))
        }
        record("advance") { () throws(InputError) in try world.advance(by: .seconds(1)) }
        record("kill") { () throws(InputError) in try world.inject(.killConnection("c1")) }
        record("kill nothing") { () throws(InputError) in try world.inject(.killConnection("c99")) }
        record("firewall") { () throws(InputError) in try world.inject(.firewall(idleLimit: .seconds(1))) }
        record("slow auth") { () throws(InputError) in try world.inject(.slowAuthentication(extra: .milliseconds(200)))
        }
        record("idle timeout") { () throws(InputError) in try world.inject(.idleSessionTimeout(.seconds(3))) }
        record("advance") { () throws(InputError) in try world.advance(by: .seconds(10)) }
        record("borrow c") { () throws(InputError) in try world.borrow("c") }
        record("restart") { () throws(InputError) in try world.inject(.restart) }
        record("query c") { () throws(InputError) in try world.query("c", "SELECT 1") }
        record("auth fails") { () throws(InputError) in try world.inject(.authenticationFails(true)) }
        record("borrow d") { () throws(InputError) in try world.borrow("d") }
        record("max connections") { () throws(InputError) in try world.inject(.maxConnections(2)) }
        record("advance") { () throws(InputError) in try world.advance(by: .seconds(40)) }
        digest.add("metrics", world.poolMetrics.map { "\($0)" })
        digest.add("database", "\(world.database)")
        digest.add("borrowers", world.borrowerSummary.map { "\($0.name)=\($0.connection ?? "-")" })
        digest.add("violations", world.violations.map(\.description))
        digest.add("trace", world.trace.count)
        return digest
    }

    static func proxyRun(mode: PoolMode, seed: UInt64) -> RunDigest {
        var scenario = ProxyScenario(
            workload: Workload(
                arrivals: .poisson(ArrivalRate(perSecond: 300)),
                mix: [
                    (2, .query(.exponential(mean: .milliseconds(3)))),
                    (
                        1,
                        .transaction(
                            statements: 2, cost: .exponential(mean: .milliseconds(2)), gap: .constant(.milliseconds(1)))
                    ),
                ],
                requestLimit: 1_500))
        scenario.proxy.poolMode = mode
        scenario.proxy.defaultPoolSize = 8
        scenario.pods = 5
        scenario.clientsPerPod = 6
        scenario.database.cores = 4
        scenario.seed = seed
        scenario.options.sampleInterval = .milliseconds(250)
        scenario.options.checkInvariants = true
        scenario.options.recordTrace = seed == 1
        var digest = RunDigest()
        do {
            digest.add("proxy", proxy: try ProxySimulation.run(scenario))
        } catch {
            digest.add("proxy", "error: \(error)")
        }
        return digest
    }

    static func proxyOverload() -> RunDigest {
        var workload = Workload(
            arrivals: .poisson(ArrivalRate(perSecond: 500)), script: .query(.exponential(mean: .milliseconds(20))),
            requestLimit: 2_000)
        workload.retry = RetryPolicy(maxAttempts: 2, backoff: .constant(.milliseconds(50)), retryErrors: true)
        workload.bursts = [Workload.Burst(at: .milliseconds(500), count: 300)]
        workload.routing = .random
        var scenario = ProxyScenario(workload: workload)
        scenario.proxy.poolMode = .transaction
        scenario.proxy.defaultPoolSize = 4
        scenario.proxy.reservePoolSize = 2
        scenario.proxy.reservePoolTimeout = .milliseconds(100)
        scenario.proxy.queryWaitTimeout = .milliseconds(400)
        scenario.proxy.maxClientConn = 60
        scenario.pods = 8
        scenario.clientsPerPod = 10
        scenario.database.cores = 2
        scenario.seed = 3
        scenario.options.sampleInterval = .milliseconds(100)
        var digest = RunDigest()
        do {
            digest.add("overload", proxy: try ProxySimulation.run(scenario))
        } catch {
            digest.add("overload", "error: \(error)")
        }
        return digest
    }

    static func lab(_ name: String) -> RunDigest {
        var digest = RunDigest()
        do {
            digest.add(name, lab: try ProxyLab.run(name, seed: 2))
        } catch {
            digest.add(name, "error: \(error)")
        }
        return digest
    }

    /// The lab's proxy world, command by command: logins, SQL in a transaction, waiting, protocol-level
    /// prepared statements, the admin console, and faults.
    static func labProxyWorld() -> RunDigest {
        var digest = RunDigest()
        let world: ProxyWorld
        do {
            world = try ProxyWorld(
                ini: "[databases]\napp = host=127.0.0.1\n[pgbouncer]\npool_mode = transaction\ndefault_pool_size = 1\n",
                seed: 4)
        } catch {
            digest.add("ini", "error: \(error)")
            return digest
        }
        func record(_ label: String, _ command: () throws(InputError) -> [TraceEvent]) {
            do {
                digest.add(label, events: try command())
            } catch {
                digest.add(label, "error: \(error)")
            }
        }
        record("connect alice") { () throws(InputError) in
            try world.connect("alice", parameters: ["application_name": "a"])
        }
        record("connect bob") { () throws(InputError) in try world.connect("bob") }
        record("alice set") { () throws(InputError) in try world.query("alice", "SET statement_timeout = '5ms'") }
        record("alice begin") { () throws(InputError) in try world.query("alice", "BEGIN") }
        record("bob waits") { () throws(InputError) in try world.send("bob", "SELECT 1") }
        record("advance") { () throws(InputError) in try world.advance(by: .milliseconds(20)) }
        record("alice commit") { () throws(InputError) in try world.query("alice", "COMMIT") }
        record("bob answer") { () throws(InputError) in try world.awaitAnswer("bob") }
        record("parse") { () throws(InputError) in try world.query("alice", "SELECT 42 \\parse s1") }
        record("bind") { () throws(InputError) in try world.query("alice", "\\bind_named s1 \\g") }
        record("listen") { () throws(InputError) in try world.query("bob", "LISTEN jobs") }
        record("notify") { () throws(InputError) in try world.query("alice", "NOTIFY jobs, 'hi'") }
        record("bad sql") { () throws(InputError) in try world.send("bob", "SELEC 1") }
        for view in ProxyWorld.adminViews {
            do {
                let table = try world.admin("SHOW \(view)")
                digest.add("show \(view)", "\(table.columns) \(table.rows)")
            } catch {
                digest.add("show \(view)", "error: \(error)")
            }
        }
        record("kill") { () throws(InputError) in try world.inject(.killConnection("s1")) }
        record("firewall") { () throws(InputError) in try world.inject(.firewall(idleLimit: .seconds(1))) }
        record("idle in transaction") { () throws(InputError) in
            try world.inject(.idleInTransactionTimeout(.milliseconds(30)))
        }
        record("bob begin") { () throws(InputError) in try world.query("bob", "BEGIN") }
        record("advance") { () throws(InputError) in try world.advance(by: .seconds(1)) }
        record("restart") { () throws(InputError) in try world.inject(.restart) }
        record("alice after restart") { () throws(InputError) in try world.query("alice", "SELECT 1") }
        record("disconnect bob") { () throws(InputError) in try world.disconnect("bob") }
        record("advance") { () throws(InputError) in try world.advance(by: .minutes(11)) }
        digest.add("servers", world.serverSummary.map { "\($0.name)=\($0.client ?? "-")" })
        digest.add("notices", world.notices(of: "bob"))
        digest.add("database", "\(world.database)")
        digest.add("violations", world.violations.map(\.description))
        return digest
    }
}
