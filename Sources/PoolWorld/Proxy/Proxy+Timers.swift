extension Proxy {
    mutating func timerFired(_ timer: ProxyTimer, _ time: Int64, _ actions: inout [ProxyAction]) {
        let pool = timer.pool
        switch timer.kind {
        case .janitor:
            janitor(time, &actions)
            actions.append(
                .scheduleTimer(ProxyTimer(.janitor), at: SimInstant(nanoseconds: time + Self.janitorPeriod.nanoseconds))
            )
        case .statsPeriod:
            statistics.roll(length: config.statsPeriod.nanoseconds)
            actions.append(
                .scheduleTimer(
                    ProxyTimer(.statsPeriod), at: SimInstant(nanoseconds: time + config.statsPeriod.nanoseconds)))
        case .queryWaitTimeout:
            pools[Int(pool)].timeoutAt = nil
            let timeout = pools[Int(pool)].queryWaitTimeout
            while let head = pools[Int(pool)].waiting.first, time - head.since >= timeout {
                closeClient(head.client, .queryWaitTimeout, time, &actions)
            }
            armWaitTimers(pool, time, &actions)
        case .queryWaitNotify:
            pools[Int(pool)].notifyAt = nil
            let delay = config.queryWaitNoticeDelay?.nanoseconds ?? .max
            while pools[Int(pool)].notified < pools[Int(pool)].waiting.count {
                let waiter = pools[Int(pool)].waiting[pools[Int(pool)].notified]
                guard time - waiter.since >= delay else { break }
                actions.append(.notice(waiter.client, proxyQueuedNotice))
                pools[Int(pool)].notified += 1
            }
            armWaitTimers(pool, time, &actions)
        case .reservePool:
            pools[Int(pool)].reserveAt = nil
            launch(pool, time, &actions)
        case .loginRetry:
            launch(pool, time, &actions)
        case .idleTransaction:
            guard let client = timer.client else { return }
            let index = Int(client.rawValue)
            clients[index].idleTransactionArmed = false
            guard clients[index].state == .active, let server = clients[index].server,
                !servers[Int(server.rawValue)].busy, servers[Int(server.rawValue)].status != .idle
            else { return }
            closeClient(client, .idleTransactionTimeout, time, &actions)
            closeServer(server, DatabaseError.idleTransactionTimeout.message, time, &actions)
        }
    }

    /// Arms the timers of a pool's waiting line, each for the waiter it will concern first: the head for
    /// `query_wait_timeout`, the first one not yet told for `query_wait_notify`. A timer that fires after its
    /// waiter was served simply finds nobody due and re-arms for the new head.
    mutating func armWaitTimers(_ pool: Int32, _ time: Int64, _ actions: inout [ProxyAction]) {
        let record = pools[Int(pool)]
        if record.queryWaitTimeout > 0, record.timeoutAt == nil, let head = record.waiting.first {
            let at = head.since + record.queryWaitTimeout
            pools[Int(pool)].timeoutAt = at
            actions.append(.scheduleTimer(ProxyTimer(.queryWaitTimeout, pool: pool), at: SimInstant(nanoseconds: at)))
        }
        if let delay = config.queryWaitNoticeDelay, record.notifyAt == nil, record.notified < record.waiting.count {
            let at = record.waiting[record.notified].since + delay.nanoseconds
            pools[Int(pool)].notifyAt = at
            actions.append(.scheduleTimer(ProxyTimer(.queryWaitNotify, pool: pool), at: SimInstant(nanoseconds: at)))
        }
    }

    /// PgBouncer's maintenance round: close idle connections past `server_idle_timeout` (never below
    /// `min_pool_size`) or past `server_lifetime` (staggered), then open what waiters or the minimum need.
    private mutating func janitor(_ time: Int64, _ actions: inout [ProxyAction]) {
        for index in pools.indices {
            let pool = Int32(index)
            for server in Array(pools[index].idle) {
                let idleFor = time - servers[Int(server.rawValue)].idleSince
                let timeout = config.serverIdleTimeout.nanoseconds
                if timeout > 0, idleFor > timeout,
                    pools[index].minSize == 0 || pools[index].servers > pools[index].minSize
                {
                    closeServer(server, "server idle timeout", time, &actions)
                } else {
                    _ = closeIfLifeOver(server, time, &actions)
                }
            }
            launch(pool, time, &actions)
        }
    }
}
