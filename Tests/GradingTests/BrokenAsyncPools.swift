import Grading

/// An actor pool that checks for room, then suspends to open: two tasks both see room (actor reentrancy).
actor RacyPool: AsyncPoolExercise {
    let config: PoolConfig
    let connector: Connector
    var idle: [ConnectionID] = []
    var open = 0

    init(config: PoolConfig, connector: Connector) {
        self.config = config
        self.connector = connector
    }

    func borrow() async throws -> ConnectionID {
        while true {
            if let connection = idle.popLast() { return connection }
            if open < config.maxSize {
                let connection = try await connector.open()
                open += 1
                return connection
            }
            try await Task.sleep(for: .microseconds(50))
        }
    }

    func release(_ connection: ConnectionID) { idle.append(connection) }

    var metrics: PoolMetrics {
        PoolMetrics(total: open, idle: idle.count, active: open - idle.count, waiting: 0, pending: 0)
    }
}

/// An actor pool with a FIFO line of continuations that ignores cancellation: a cancelled waiter is never
/// resumed.
actor LosesCancelledWaiters: AsyncPoolExercise {
    let config: PoolConfig
    let connector: Connector
    var idle: [ConnectionID] = []
    var open = 0
    var waiters: [CheckedContinuation<ConnectionID, any Error>] = []

    init(config: PoolConfig, connector: Connector) {
        self.config = config
        self.connector = connector
    }

    func borrow() async throws -> ConnectionID {
        if let connection = idle.popLast() { return connection }
        if open < config.maxSize {
            open += 1
            return try await connector.open()
        }
        return try await withCheckedThrowingContinuation { waiters.append($0) }
    }

    func release(_ connection: ConnectionID) {
        if waiters.isEmpty {
            idle.append(connection)
        } else {
            waiters.removeFirst().resume(returning: connection)
        }
    }

    var metrics: PoolMetrics {
        PoolMetrics(total: open, idle: idle.count, active: open - idle.count, waiting: waiters.count, pending: 0)
    }
}
