extension PoolPreset {
    /// SQLAlchemy's `QueuePool`, the default pool of `create_engine`.
    ///
    /// Defaults from `sqlalchemy.pool.QueuePool.__init__` and `create_engine`'s documentation: `pool_size` 5,
    /// `max_overflow` 10 (up to 15 connections; an overflow connection is closed when it comes back and the
    /// queue is full), `timeout` 30 s (`pool_timeout`), `pool_recycle` -1 (no lifetime), `pool_pre_ping`
    /// False (no validation), `pool_use_lifo` False (the queue is FIFO). The pool starts empty and never
    /// closes idle connections. A failed connect raises in the borrower that asked for it.
    public static let sqlAlchemy: PoolPreset = {
        var config = PoolConfig()
        config.name = "QueuePool"
        config.maxSize = 5
        config.maxOverflow = 10
        config.minIdle = 0
        config.borrowTimeout = .seconds(30)
        config.idleTimeout = nil
        config.maxLifetime = nil
        config.validation = .none
        config.idleOrder = .fifo
        config.failBorrowOnConnectError = true
        return PoolPreset(
            name: "sqlalchemy", aliases: ["queuepool"], library: "SQLAlchemy 2.0 QueuePool", config: config,
            notModelled:
                "reset on return (a ROLLBACK per check-in) and its own timeout text (the world's is HikariCP's)"
        )
    }()
}
