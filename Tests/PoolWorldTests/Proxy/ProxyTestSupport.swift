import Testing

@testable import PoolWorld

/// A lab world with PgBouncer in `mode`, pools of `size`, and 1 ms logins.
func proxyWorld(
    _ mode: PoolMode, size: Int = 2, server: DatabaseConfig = fastServer,
    _ configure: (inout ProxyConfig) -> Void = { _ in }
) -> ProxyWorld {
    var config = ProxyConfig()
    config.poolMode = mode
    config.defaultPoolSize = size
    configure(&config)
    return ProxyWorld(config: config, database: server)
}

/// PostgreSQL's defaults, with logins of 1 ms.
let fastServer: DatabaseConfig = {
    var server = DatabaseConfig()
    server.setup = .loopbackTrust
    return server
}()

extension ProxyWorld {
    /// Runs `sql` for `client` and returns what the client saw: the result, or the error that closed it.
    @discardableResult
    func answer(_ client: String, _ sql: String) throws -> String {
        _ = try query(client, sql)
        if let error = closedWith(client) { return error.description }
        return try #require(lastResult(of: client), "\(client) got no answer to \(sql)").summary
    }

    /// Connects every client named.
    func connectAll(_ names: String...) throws {
        for name in names { _ = try connect(name) }
    }

    /// `client` starts a one-second statement and is left running it: its server connection is pinned, so
    /// the next client's statement goes to another one. Works in every mode (BEGIN would not in statement mode).
    func pin(_ client: String) throws {
        _ = try send(client, "SELECT pg_sleep(1)")
    }
}

/// The modes whose behaviour follows the transaction column of PgBouncer's feature map.
let sharingModes: [PoolMode] = [.transaction, .statement]
