extension PoolPreset {
    /// node-postgres's `pg.Pool` (the `pg-pool` package).
    ///
    /// Defaults from pg-pool's constructor and node-postgres's "Pooling" documentation: `max` 10, `min` 0 (no
    /// client is created ahead of need), `idleTimeoutMillis` 10000 with a timer per idle client (each closes
    /// exactly 10 s after it went idle, above `min`), `connectionTimeoutMillis` 0 (a borrower waits forever),
    /// `maxUses` Infinity and `maxLifetimeSeconds` 0 (no lifetime), no validation. Waiters are served in order
    /// (`_pendingQueue.shift()`); the most recently released client is lent next (`_idle.pop()`). A failed
    /// connect is passed to the borrower's callback.
    public static let nodePostgres: PoolPreset = {
        var config = PoolConfig()
        config.name = "pg.Pool"
        config.maxSize = 10
        config.minIdle = 0
        config.borrowTimeout = nil
        config.idleTimeout = .seconds(10)
        config.idleEviction = .exact
        config.maxLifetime = nil
        config.validation = .none
        config.idleOrder = .lifo
        config.failBorrowOnConnectError = true
        return PoolPreset(
            name: "node-postgres", aliases: ["pg", "pg-pool", "node"], library: "node-postgres 8 (pg-pool 3)",
            config: config, notModelled: "maxUses (off by default) and the event-loop's own delays")
    }()
}
