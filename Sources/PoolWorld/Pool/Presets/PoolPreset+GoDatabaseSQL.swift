extension PoolPreset {
    /// Go's `database/sql.DB`, the pool behind every Go driver used through the standard library.
    ///
    /// Defaults from `database/sql/sql.go`: `SetMaxOpenConns` 0, no limit (played here as 10000, more than any
    /// server accepts: the database's `max_connections` is the only limit, and its error is what borrowers
    /// meet); `SetMaxIdleConns` default 2 (`defaultMaxIdleConns`): a connection that comes back while 2 are
    /// idle is closed, counted in `DBStats.MaxIdleClosed`; `SetConnMaxLifetime` 0 and `SetConnMaxIdleTime`
    /// 0 (neither closes anything); no validation (a driver may check in `ResetSession`). A borrower waits
    /// only for its context's deadline (none by default). The most recently returned connection is reused
    /// first (`db.freeConn[last]`); a failed connect is returned to the caller that asked for it.
    public static let goDatabaseSQL: PoolPreset = {
        var config = PoolConfig()
        config.name = "sql.DB"
        config.maxSize = 10_000
        config.maxIdle = 2
        config.minIdle = 0
        config.borrowTimeout = nil
        config.idleTimeout = nil
        config.maxLifetime = nil
        config.lifetimeJitter = 0
        config.validation = .none
        config.idleOrder = .lifo
        config.failBorrowOnConnectError = true
        return PoolPreset(
            name: "go", aliases: ["database/sql", "go-sql", "database-sql"], library: "Go 1.25 database/sql",
            config: config,
            notModelled:
                "waiters are served in order here; Go hands a returned connection to a random waiter (connRequests)")
    }()
}
