extension PoolPreset {
    /// deadpool (Rust), as `deadpool-postgres` uses it.
    ///
    /// Defaults from `deadpool::managed::PoolConfig::default`: `max_size` = `num_cpus::get_physical() * 4` —
    /// 16 on the four-CPU app host the world assumes; `timeouts` wait, create and recycle all `None` (a
    /// borrower waits forever); `queue_mode` `Fifo` (the object returned longest ago is lent next). There is
    /// no minimum, no idle timeout and no lifetime: objects are created on demand and kept. deadpool-postgres
    /// recycles with `RecyclingMethod::Fast` (no query, only a check that the client is not closed), so no
    /// validation ping. A failed create is returned to the caller.
    public static let deadpool: PoolPreset = {
        var config = PoolConfig()
        config.name = "deadpool"
        config.maxSize = 16
        config.minIdle = 0
        config.borrowTimeout = nil
        config.idleTimeout = nil
        config.maxLifetime = nil
        config.lifetimeJitter = 0
        config.validation = .none
        config.idleOrder = .fifo
        config.failBorrowOnConnectError = true
        return PoolPreset(
            name: "deadpool", aliases: ["deadpool-postgres"], library: "deadpool 0.12 (deadpool-postgres)",
            config: config,
            notModelled: "max_size follows the app host's physical CPUs in real life (16 here, for four)")
    }()
}
