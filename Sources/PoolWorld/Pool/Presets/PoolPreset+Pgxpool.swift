extension PoolPreset {
    /// pgx's `pgxpool.Pool` (Go, pgx v5).
    ///
    /// Defaults from `pgxpool/pool.go`: `MaxConns` max(4, `runtime.NumCPU()`) — 4 on an app host of up to four
    /// CPUs, as the world assumes; `MinConns` 0; `MaxConnLifetime` 1 h with `MaxConnLifetimeJitter` 0;
    /// `MaxConnIdleTime` 30 min; `HealthCheckPeriod` 1 min (the background check that closes idle and
    /// expired connections and tops up to `MinConns`). `Acquire` pings a connection that has been idle for
    /// more than a second before lending it (the default `ShouldPing`). A borrower waits for its context (no
    /// timeout by default); a failed connect is returned to the caller that asked for it. Idle connections
    /// are kept in a stack (puddle), so the most recently released is lent next.
    public static let pgxpool: PoolPreset = {
        var config = PoolConfig()
        config.name = "pgxpool"
        config.maxSize = 4
        config.minIdle = 0
        config.borrowTimeout = nil
        config.idleTimeout = .minutes(30)
        config.maxLifetime = .minutes(60)
        config.lifetimeJitter = 0
        config.housekeepingInterval = .minutes(1)
        config.validation = .onBorrow(ifIdleFor: .seconds(1))
        config.idleOrder = .lifo
        config.failBorrowOnConnectError = true
        return PoolPreset(
            name: "pgx", aliases: ["pgxpool"], library: "pgx v5 pgxpool", config: config,
            notModelled: "MaxConns follows the app host's CPUs in real life (4 here, whatever the world's cores)")
    }()
}
