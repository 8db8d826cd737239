extension PoolPreset {
    /// PostgresNIO's `PostgresClient` (Swift), whose pool is a sans-I/O state machine like ours.
    ///
    /// Defaults from `PostgresClient.Configuration.Options`: `minimumConnections` 0, `maximumConnections` 20,
    /// `connectionIdleTimeout` 60 s (a timer per idle connection), `keepAliveBehavior` a `SELECT 1;` every
    /// 30 s on idle connections. There is no lease timeout: a borrower waits until its task is cancelled. A
    /// failed connect is retried with a backoff of 100 ms growing 1.25× per failure up to 60 s
    /// (`ConnectionPoolModule`'s `calculateBackoff`), while borrowers keep waiting.
    public static let postgresNIO: PoolPreset = {
        var config = PoolConfig()
        config.name = "PostgresClient"
        config.maxSize = 20
        config.minIdle = 0
        config.borrowTimeout = nil
        config.idleTimeout = .seconds(60)
        config.idleEviction = .exact
        config.maxLifetime = nil
        config.lifetimeJitter = 0
        config.keepAliveInterval = .seconds(30)
        config.validation = .none
        config.idleOrder = .lifo
        config.failBorrowOnConnectError = false
        config.retryDelay = .milliseconds(100)
        config.maxRetryDelay = .seconds(60)
        return PoolPreset(
            name: "postgres-nio", aliases: ["postgresnio", "nio"], library: "PostgresNIO 1.x PostgresClient",
            config: config,
            notModelled: "the circuit breaker after repeated connect failures and the connect timeout (10 s)")
    }()
}
