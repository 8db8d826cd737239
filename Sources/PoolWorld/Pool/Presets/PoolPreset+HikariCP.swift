extension PoolPreset {
    /// HikariCP, the JVM's default pool (Spring Boot's).
    ///
    /// Defaults from `com.zaxxer.hikari.HikariConfig` and its README's "Frequently used" table:
    /// `maximumPoolSize` 10; `minimumIdle` defaults to `maximumPoolSize` (a fixed-size pool, warmed at start);
    /// `connectionTimeout` 30000 ms; `idleTimeout` 600000 ms, which only applies while `minimumIdle` is below
    /// the maximum; `maxLifetime` 1800000 ms, each connection's shortened by up to 2.5 % (`PoolBase`'s
    /// `maxLifetime / 40` variance); `keepaliveTime` 120000 ms (HikariCP 5.1 onwards; 0, off, before);
    /// `leakDetectionThreshold` 0 (off). A connection idle for more than 500 ms is checked alive before it is
    /// lent (`ALIVE_BYPASS_WINDOW_MS`). The housekeeper runs every 30 s (`housekeepingPeriodMs`). A failed
    /// connection attempt is retried while borrowers wait, until their `connectionTimeout` — the timeout's
    /// message then carries the last connection error. Idle connections: the borrowing thread's own last one
    /// first (`ConcurrentBag`'s thread-local list), which we play as LIFO.
    public static let hikariCP: PoolPreset = {
        var config = PoolConfig()
        config.name = "HikariPool-1"
        config.maxSize = 10
        config.minIdle = 10
        config.borrowTimeout = .seconds(30)
        config.idleTimeout = .minutes(10)
        config.maxLifetime = .minutes(30)
        config.lifetimeJitter = 0.025
        config.keepAliveInterval = .minutes(2)
        config.validation = .onBorrow(ifIdleFor: .milliseconds(500))
        config.idleOrder = .lifo
        config.housekeepingInterval = .seconds(30)
        config.failBorrowOnConnectError = false
        return PoolPreset(
            name: "hikaricp", aliases: ["hikari"], library: "HikariCP 6", config: config,
            notModelled: "the thread-affine bag (idle order is plain LIFO here) and the keepalive's own jitter")
    }()
}
