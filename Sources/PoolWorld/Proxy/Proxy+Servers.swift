extension Proxy {
    // MARK: Handing out server connections

    /// The idle server connection that would go out next: the last released (LIFO), or with
    /// `server_round_robin` the one idle longest.
    private func nextIdle(_ pool: Int32) -> ServerID? {
        config.serverRoundRobin ? pools[Int(pool)].idle.first : pools[Int(pool)].idle.last
    }

    private mutating func popIdle(_ pool: Int32) -> ServerID? {
        config.serverRoundRobin ? pools[Int(pool)].idle.popFirst() : pools[Int(pool)].idle.popLast()
    }

    /// Whether a server connection must pass `server_check_query` before it goes out again.
    func needsCheck(_ server: ServerID, _ time: Int64) -> Bool {
        let record = servers[Int(server.rawValue)]
        guard !config.serverCheckQuery.isEmpty, !record.verified else { return false }
        return config.serverCheckDelay == .zero || time - record.idleSince > config.serverCheckDelay.nanoseconds
    }

    /// An idle server connection that can go out at once, if there is one.
    mutating func takeReadyIdle(_ pool: Int32, _ time: Int64) -> ServerID? {
        guard let candidate = nextIdle(pool), !needsCheck(candidate, time) else { return nil }
        return popIdle(pool)
    }

    /// Gives idle server connections to waiters in order (checking stale ones first), then opens more if the
    /// line is still longer than what is on its way.
    mutating func serveWaiters(_ pool: Int32, _ time: Int64, _ actions: inout [ProxyAction]) {
        while pools[Int(pool)].waiting.count > pools[Int(pool)].checking, let server = popIdle(pool) {
            if needsCheck(server, time) {
                let query = ProxyServerQuery.check(config.serverCheckQuery)
                servers[Int(server.rawValue)].state = .tested
                servers[Int(server.rawValue)].testing = query
                pools[Int(pool)].checking += 1
                actions.append(.runServerQuery(server, query))
                continue
            }
            guard let waiter = pools[Int(pool)].popWaiter() else { break }
            assign(server, to: waiter.client, waited: time - waiter.since, time, &actions)
        }
        launch(pool, time, &actions)
    }

    /// Opens one more server connection if waiters or `min_pool_size` want one and every limit allows it:
    /// one login at a time, the pool size (plus the reserve, for a client that has waited
    /// `reserve_pool_timeout`), `max_db_connections`, `max_user_connections`, `server_login_retry`.
    mutating func launch(_ poolIndex: Int32, _ time: Int64, _ actions: inout [ProxyAction]) {
        let pool = pools[Int(poolIndex)]
        let forWaiters = pool.waiting.count > pool.checking
        let forMinimum = pool.servers < pool.minSize && (pool.clients > 0 || pool.forcedUser)
        guard forWaiters || forMinimum, !pool.loggingIn, time >= pool.loginRetryAt else { return }
        if pool.servers >= pool.size {
            guard forWaiters, let head = pool.waiting.first, pool.reserveSize > 0,
                config.reservePoolTimeout > .zero, pool.servers < pool.size + pool.reserveSize
            else { return }
            let due = head.since + config.reservePoolTimeout.nanoseconds
            guard time >= due else {
                if pool.reserveAt != due {
                    pools[Int(poolIndex)].reserveAt = due
                    actions.append(
                        .scheduleTimer(ProxyTimer(.reservePool, pool: poolIndex), at: SimInstant(nanoseconds: due)))
                }
                return
            }
            actions.append(.log("taking connection from reserve_pool"))
        }
        if pool.maxDBConnections > 0, serverCount(database: pool.database) >= pool.maxDBConnections { return }
        if config.maxUserConnections > 0, serverCount(user: pool.user) >= config.maxUserConnections { return }
        let server = ServerID(Int32(servers.count))
        servers.append(ProxyServer(state: .login, pool: poolIndex))
        pools[Int(poolIndex)].servers += 1
        pools[Int(poolIndex)].loggingIn = true
        actions.append(.openServer(server, pool: poolIndex))
    }

    func serverCount(database: String) -> Int {
        pools.reduce(0) { $0 + ($1.database == database ? $1.servers : 0) }
    }

    func serverCount(user: String) -> Int {
        pools.reduce(0) { $0 + ($1.user == user ? $1.servers : 0) }
    }

    // MARK: Taking them back

    /// A server connection left its client, ready: reset it if the mode asks for it, else offer it.
    mutating func releaseServer(_ server: ServerID, _ time: Int64, _ actions: inout [ProxyAction]) {
        let pool = servers[Int(server.rawValue)].pool
        if closeIfLifeOver(server, time, &actions) { return }
        let resets = pools[Int(pool)].mode == .session || config.serverResetQueryAlways
        guard resets, !config.serverResetQuery.isEmpty else {
            offer(server, time, &actions)
            return
        }
        let query = ProxyServerQuery.reset(config.serverResetQuery)
        servers[Int(server.rawValue)].state = .tested
        servers[Int(server.rawValue)].testing = query
        actions.append(.runServerQuery(server, query))
    }

    /// A clean, unlinked server connection: the head waiter gets it, else it goes idle.
    /// A just-opened connection skips the lifetime check: `server_lifetime = 0` means "use it once", not "never".
    mutating func offer(_ server: ServerID, _ time: Int64, _ actions: inout [ProxyAction], fresh: Bool = false) {
        if !fresh, closeIfLifeOver(server, time, &actions) { return }
        let index = Int(server.rawValue)
        let pool = servers[index].pool
        servers[index].state = .idle
        servers[index].idleSince = time
        servers[index].status = .idle
        pools[Int(pool)].idle.append(server)
        serveWaiters(pool, time, &actions)
    }

    /// `server_lifetime`: an unused connection past its lifetime closes, but at most one per
    /// lifetime / pool size, so that connections opened together do not all reconnect together.
    mutating func closeIfLifeOver(_ server: ServerID, _ time: Int64, _ actions: inout [ProxyAction]) -> Bool {
        let record = servers[Int(server.rawValue)]
        let pool = pools[Int(record.pool)]
        guard time - record.openedAt >= pool.lifetime else { return false }
        let gap = pool.size > 0 ? pool.lifetime / Int64(pool.size) : 0
        guard time - pool.lastLifetimeClose >= gap else { return false }
        pools[Int(record.pool)].lastLifetimeClose = time
        closeServer(server, "server lifetime over", time, &actions)
        return true
    }

    /// Closes a server connection in any state; pools waiting for capacity may open one now.
    mutating func closeServer(_ server: ServerID, _ reason: String, _ time: Int64, _ actions: inout [ProxyAction]) {
        let index = Int(server.rawValue)
        let record = servers[index]
        guard record.state != .closed, record.state != .unused else { return }
        let pool = Int(record.pool)
        switch record.state {
        case .idle:
            if let position = pools[pool].idle.firstIndex(of: server) { pools[pool].idle.remove(at: position) }
        case .login:
            pools[pool].loggingIn = false
        case .tested:
            if case .check = record.testing { pools[pool].checking -= 1 }
        case .active, .unused, .closed:
            break
        }
        unlink(server)
        servers[index].state = .closed
        servers[index].testing = nil
        servers[index].busy = false
        pools[pool].servers -= 1
        actions.append(.closeServer(server, reason: reason))
        for other in pools.indices where !pools[other].waiting.isEmpty {
            launch(Int32(other), time, &actions)
        }
    }

    // MARK: Server events

    mutating func opened(_ server: ServerID, _ time: Int64, _ actions: inout [ProxyAction]) {
        let index = Int(server.rawValue)
        guard index < servers.count, servers[index].state == .login else { return }
        let pool = Int(servers[index].pool)
        pools[pool].loggingIn = false
        pools[pool].loginFailure = nil
        servers[index].openedAt = time
        offer(server, time, &actions, fresh: true)
    }

    mutating func openFailed(_ server: ServerID, _ error: DatabaseError, _ time: Int64, _ actions: inout [ProxyAction])
    {
        let index = Int(server.rawValue)
        guard index < servers.count, servers[index].state == .login else { return }
        let pool = servers[index].pool
        servers[index].state = .closed
        pools[Int(pool)].servers -= 1
        pools[Int(pool)].loggingIn = false
        pools[Int(pool)].loginFailure = error
        // The next login waits for server_login_retry (or, at 0, for the janitor's next round: never in a loop).
        let retry = max(config.serverLoginRetry.nanoseconds, 1)
        pools[Int(pool)].loginRetryAt = time + retry
        actions.append(.scheduleTimer(ProxyTimer(.loginRetry, pool: pool), at: SimInstant(nanoseconds: time + retry)))
    }

    mutating func serverQueryDone(
        _ server: ServerID, succeeded: Bool, _ time: Int64, _ actions: inout [ProxyAction]
    ) {
        let index = Int(server.rawValue)
        guard index < servers.count, servers[index].state == .tested, let query = servers[index].testing else {
            return
        }
        let pool = Int(servers[index].pool)
        servers[index].testing = nil
        if case .check = query {
            pools[pool].checking -= 1
            servers[index].verified = succeeded
        }
        guard succeeded else {
            let reason: String
            if case .check = query { reason = "test query failed" } else { reason = "reset query failed" }
            closeServer(server, reason, time, &actions)
            return
        }
        offer(server, time, &actions)
    }

    /// The server connection died: its client, if any, is closed with PgBouncer's text.
    mutating func lost(_ server: ServerID, _ time: Int64, _ actions: inout [ProxyAction]) {
        let index = Int(server.rawValue)
        guard index < servers.count else { return }
        if let client = servers[index].client { closeClient(client, .serverConnectionCrashed, time, &actions) }
        closeServer(server, "server conn crashed?", time, &actions)
    }
}
