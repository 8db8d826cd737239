import PoolWorld

extension LabConfigKey {
    /// Every key `config` knows: the pool's, then the database's.
    static let all: [LabConfigKey] = [
        .integer("max_size", 1...1_000, "connections the pool keeps open at most", read: { $0.pool.maxSize }) {
            $0.pool.maxSize = $1
            $0.pool.minIdle = min($0.pool.minIdle, $1)
        },
        .integer("min_idle", 0...1_000, "idle connections kept ready (at most max_size)", read: { $0.pool.minIdle }) {
            $0.pool.minIdle = min($1, $0.pool.maxSize)
        },
        .integer(
            "max_overflow", 0...1_000, "extra connections under load, closed when returned",
            read: { $0.pool.maxOverflow }
        ) {
            $0.pool.maxOverflow = $1
        },
        .duration("borrow_timeout", optional: true, "how long a borrower waits", read: { $0.pool.borrowTimeout }) {
            $0.pool.borrowTimeout = $1
        },
        .duration(
            "idle_timeout", optional: true, "idle connections above min_idle close after", read: { $0.pool.idleTimeout }
        ) {
            $0.pool.idleTimeout = $1
        },
        .duration("max_lifetime", optional: true, "connections close once this old", read: { $0.pool.maxLifetime }) {
            $0.pool.maxLifetime = $1
        },
        .choice(
            "lifetime_jitter", ["on", "off"], "shorten each max lifetime by a random 0–2.5% (HikariCP's jitter)",
            read: { $0.pool.lifetimeJitter > 0 ? "on" : "off" }
        ) { lab, value in
            lab.pool.lifetimeJitter = value == "on" ? 0.025 : 0
        },
        .choice(
            "validation", ["none", "on-borrow"], "ping a connection before lending it",
            read: {
                if case .onBorrow = $0.pool.validation { return "on-borrow" }
                return "none"
            }
        ) { lab, value in
            lab.pool.validation = value == "none" ? .none : .onBorrow(ifIdleFor: .milliseconds(500))
        },
        .duration("keepalive", optional: true, "ping idle connections this often", read: { $0.pool.keepAliveInterval })
        {
            $0.pool.keepAliveInterval = $1
        },
        .duration(
            "leak_detection", optional: true, "report connections lent longer than",
            read: { $0.pool.leakDetectionThreshold }
        ) {
            $0.pool.leakDetectionThreshold = $1
        },
        .choice(
            "idle_order", ["lifo", "fifo"], "which idle connection is lent next", read: { $0.pool.idleOrder.rawValue }
        ) {
            $0.pool.idleOrder = PoolConfig.IdleOrder(rawValue: $1) ?? .lifo
        },
        .integer("instances", 1...100, "app instances, each with its own pool", read: { $0.instances }) {
            $0.instances = $1
        },
        .integer("db_max_connections", 1...10_000, "the server's max_connections", read: { $0.database.maxConnections })
        {
            $0.database.maxConnections = $1
        },
        .integer(
            "db_superuser_reserved", 0...100, "slots kept for superusers",
            read: { $0.database.superuserReservedConnections }
        ) {
            $0.database.superuserReservedConnections = $1
        },
        LabConfigKey(
            name: "db_cores", accepts: "a whole number from 1 to 256, or unlimited",
            meaning: "CPU cores shared by queries",
            read: { $0.database.cores.map(String.init) ?? "unlimited" },
            write: { lab, text throws(Problem) in
                if text.lowercased() == "unlimited" {
                    lab.database.cores = nil
                } else if let cores = Int(text), (1...256).contains(cores) {
                    lab.database.cores = cores
                } else {
                    throw Problem(
                        message:
                            "db_cores must be a whole number from 1 to 256, or unlimited, got '\(Sanitizer.clean(text))'"
                    )
                }
            }),
        // The world's presets and the measured ones (`real calibrate`), which may be missing: an error says so.
        LabConfigKey(
            name: "db_setup", accepts: "one of " + SetupPreset.names.joined(separator: ", "),
            meaning: "what opening a connection costs",
            read: { lab in
                ConnectionSetup.presets.first { $0.setup == lab.database.setup }?.name ?? "\(lab.database.setup.total)"
            },
            write: { lab, name throws(LabConfigKey.Problem) in
                do throws(InputError) {
                    lab.database.setup = try SetupPreset.named(name)
                } catch {
                    throw LabConfigKey.Problem(message: "db_setup: \(error.message)")
                }
            }),
        .duration(
            "db_idle_session_timeout", optional: true, "the server ends idle sessions after",
            read: { $0.database.idleSessionTimeout }
        ) {
            $0.database.idleSessionTimeout = $1
        },
        .duration(
            "db_idle_in_transaction_timeout", optional: true, "the server ends idle transactions after",
            read: { $0.database.idleInTransactionSessionTimeout }
        ) {
            $0.database.idleInTransactionSessionTimeout = $1
        },
        .duration(
            "db_firewall_idle", optional: true, "a firewall drops connections idle longer than",
            read: { $0.database.firewallIdleLimit }
        ) {
            $0.database.firewallIdleLimit = $1
        },
        .integer("seed", 0...1_000_000_000, "seed for every random choice", read: { Int($0.seed) }) {
            $0.seed = UInt64($1)
        },
    ]

    static func named(_ name: String) -> LabConfigKey? {
        all.first { $0.name == name }
    }
}
