/// The course's PgBouncer: a sans-I/O state machine between many client connections and a few server
/// connections.
///
/// Clients log in to a database as a user; each (database, user) pair has a pool of server connections.
/// A client gets a server connection when it sends a query and gives it back when its pool's mode says so:
/// at disconnect (session), when the server reports that the transaction ended (transaction), or after every
/// statement (statement, where a statement that leaves a transaction open closes both connections). Clients
/// that find no free server connection wait in line; the pool logs in one server connection at a time,
/// up to its size, and dips into the reserve pool only for a client that has waited `reserve_pool_timeout`.
///
/// Like the reference pool it never reads a clock or a socket: `handle` takes an event and the current
/// instant and appends actions, which the simulator carries out on the fake database. Session state is not
/// the proxy's business: it lives on the server connections, which is exactly why transaction mode leaks it.
public struct Proxy {
    /// PgBouncer runs its maintenance loop (`janitor`) three times a second.
    public static let janitorPeriod = SimDuration(nanoseconds: 1_000_000_000 / 3)

    public let config: ProxyConfig
    var pools: [ProxyPool] = []
    private var poolIndex: [String: Int32] = [:]
    var clients: [ProxyClient] = [ProxyClient()]
    var servers: [ProxyServer] = [ProxyServer()]
    var connectedClients = 0
    var statistics = ProxyStatistics()

    public init(config: ProxyConfig) {
        self.config = config
    }

    /// Reacts to `event` at `now`, appending what should happen to `actions`.
    public mutating func handle(_ event: ProxyEvent, at now: SimInstant, into actions: inout [ProxyAction]) {
        let time = now.nanoseconds
        switch event {
        case .start:
            start(time, &actions)
        case .clientConnected(let client, let database, let user):
            connect(client, database: database, user: user, time, &actions)
        case .clientQuery(let client, let bytes):
            query(client, bytes: bytes, time, &actions)
        case .clientDisconnected(let client):
            disconnect(client, time, &actions)
        case .serverOpened(let server):
            opened(server, time, &actions)
        case .serverOpenFailed(let server, let error):
            openFailed(server, error, time, &actions)
        case .serverAnswered(let server, let status, let bytes):
            answered(server, status: status, bytes: bytes, time, &actions)
        case .serverQueryDone(let server, let succeeded):
            serverQueryDone(server, succeeded: succeeded, time, &actions)
        case .serverLost(let server, _):
            lost(server, time, &actions)
        case .timerFired(let timer):
            timerFired(timer, time, &actions)
        }
    }

    // MARK: Clients

    private mutating func start(_ time: Int64, _ actions: inout [ProxyAction]) {
        actions.append(
            .scheduleTimer(ProxyTimer(.janitor), at: SimInstant(nanoseconds: time + Self.janitorPeriod.nanoseconds)))
        actions.append(
            .scheduleTimer(ProxyTimer(.statsPeriod), at: SimInstant(nanoseconds: time + config.statsPeriod.nanoseconds))
        )
        // A database with a forced user has its one pool from the start, so `min_pool_size` applies at once.
        for entry in config.databases where entry.name != "*" {
            if let user = entry.user { _ = pool(database: entry.name, user: user, entry: entry) }
        }
    }

    /// The pool for (database, user), made on first use.
    mutating func pool(database: String, user: String, entry: ProxyConfig.Database) -> Int32 {
        let key = database + "\u{0}" + user
        if let index = poolIndex[key] { return index }
        let index = Int32(pools.count)
        pools.append(ProxyPool(database: database, user: user, entry: entry, config: config))
        poolIndex[key] = index
        statistics.addDatabase(database)
        return index
    }

    private mutating func connect(
        _ client: ClientID, database: String, user: String, _ time: Int64, _ actions: inout [ProxyAction]
    ) {
        guard connectedClients < config.maxClientConn else {
            actions.append(.refuse(client, .maxClientConn))
            return
        }
        guard let entry = config.database(named: database) else {
            actions.append(.refuse(client, .noSuchDatabase(database)))
            return
        }
        let index = pool(database: database, user: entry.user ?? user, entry: entry)
        while clients.count <= Int(client.rawValue) { clients.append(ProxyClient()) }
        clients[Int(client.rawValue)] = ProxyClient(state: .active, pool: index, connectedAt: time)
        connectedClients += 1
        pools[Int(index)].clients += 1
        actions.append(.accept(client))
    }

    private mutating func query(_ client: ClientID, bytes: Int, _ time: Int64, _ actions: inout [ProxyAction]) {
        let index = Int(client.rawValue)
        guard index < clients.count, clients[index].state == .active else { return }
        let poolIndex = clients[index].pool
        statistics.received(bytes, database: pools[Int(poolIndex)].database)
        if let server = clients[index].server {
            cancelIdleTransaction(client, &actions)
            send(client, to: server, time)
            actions.append(.forward(client, server))
            return
        }
        let pool = pools[Int(poolIndex)]
        // server_login_retry: with logins failing and no server connection to wait for, fail at once.
        if let failure = pool.loginFailure, pool.servers - (pool.loggingIn ? 1 : 0) == 0 {
            closeClient(client, .serverLoginFailing(failure.description), time, &actions)
            return
        }
        if pool.waiting.isEmpty, let server = takeReadyIdle(poolIndex, time) {
            assign(server, to: client, waited: 0, time, &actions)
            return
        }
        clients[index].state = .waiting
        clients[index].waitingSince = time
        pools[Int(poolIndex)].waiting.append(ProxyPool.Waiter(client: client, since: time))
        actions.append(.enqueue(client, position: pools[Int(poolIndex)].waiting.count))
        serveWaiters(poolIndex, time, &actions)
        armWaitTimers(poolIndex, time, &actions)
    }

    /// Bookkeeping for a query going to a linked server connection: `total_query_time` counts from here (time
    /// spent queued is `total_wait_time`), and so does a transaction that starts with this query.
    mutating func send(_ client: ClientID, to server: ServerID, _ time: Int64) {
        let index = Int(server.rawValue)
        servers[index].busy = true
        clients[Int(client.rawValue)].queryStart = time
        if servers[index].status == .idle { clients[Int(client.rawValue)].transactionStart = time }
    }

    private mutating func disconnect(_ client: ClientID, _ time: Int64, _ actions: inout [ProxyAction]) {
        let index = Int(client.rawValue)
        guard index < clients.count else { return }
        let poolIndex = clients[index].pool
        switch clients[index].state {
        case .unused, .closed:
            return
        case .waiting:
            _ = pools[Int(poolIndex)].removeWaiter(client)
        case .active:
            guard let server = clients[index].server else { break }
            let record = servers[Int(server.rawValue)]
            unlink(server)
            if record.busy {
                closeServer(server, "client disconnected with query in progress", time, &actions)
            } else if record.status != .idle {
                closeServer(server, "client disconnect while server was not ready", time, &actions)
            } else {
                actions.append(.release(server, from: client, .clientDisconnect))
                releaseServer(server, time, &actions)
            }
        }
        cancelIdleTransaction(client, &actions)
        forget(client)
        serveWaiters(poolIndex, time, &actions)
    }

    /// The proxy closes a client with a FATAL error, unlinking (not closing) its server connection.
    mutating func closeClient(_ client: ClientID, _ error: DatabaseError, _ time: Int64, _ actions: inout [ProxyAction])
    {
        let index = Int(client.rawValue)
        guard clients[index].state == .active || clients[index].state == .waiting else { return }
        if clients[index].state == .waiting { _ = pools[Int(clients[index].pool)].removeWaiter(client) }
        if let server = clients[index].server { unlink(server) }
        cancelIdleTransaction(client, &actions)
        forget(client)
        actions.append(.closeClient(client, error))
    }

    private mutating func forget(_ client: ClientID) {
        let index = Int(client.rawValue)
        pools[Int(clients[index].pool)].clients -= 1
        clients[index].state = .closed
        clients[index].server = nil
        connectedClients -= 1
    }

    /// Links an idle (or just freed) server connection to a client and sends the client's query.
    mutating func assign(
        _ server: ServerID, to client: ClientID, waited: Int64, _ time: Int64, _ actions: inout [ProxyAction]
    ) {
        let serverIndex = Int(server.rawValue)
        let clientIndex = Int(client.rawValue)
        servers[serverIndex].state = .active
        servers[serverIndex].client = client
        servers[serverIndex].verified = false
        clients[clientIndex].state = .active
        clients[clientIndex].server = server
        statistics.assigned(waited: waited, database: pools[Int(servers[serverIndex].pool)].database)
        send(client, to: server, time)
        actions.append(.assign(server, to: client))
    }

    /// Breaks the link between a server connection and its client, both ways.
    mutating func unlink(_ server: ServerID) {
        let index = Int(server.rawValue)
        if let client = servers[index].client { clients[Int(client.rawValue)].server = nil }
        servers[index].client = nil
    }

    // MARK: Answers

    private mutating func answered(
        _ server: ServerID, status: SessionState.TransactionStatus, bytes: Int, _ time: Int64,
        _ actions: inout [ProxyAction]
    ) {
        let index = Int(server.rawValue)
        guard index < servers.count, servers[index].state == .active, let client = servers[index].client else {
            return
        }
        let clientIndex = Int(client.rawValue)
        let poolIndex = servers[index].pool
        let database = pools[Int(poolIndex)].database
        servers[index].busy = false
        servers[index].status = status
        statistics.answered(bytes: bytes, took: time - clients[clientIndex].queryStart, database: database)
        if status == .idle, clients[clientIndex].transactionStart >= 0 {
            statistics.transactionEnded(took: time - clients[clientIndex].transactionStart, database: database)
            clients[clientIndex].transactionStart = -1
        }
        switch pools[Int(poolIndex)].mode {
        case .statement:
            guard status == .idle else {
                closeClient(client, .transactionBlocksInStatementMode, time, &actions)
                closeServer(server, DatabaseError.transactionBlocksInStatementMode.message, time, &actions)
                return
            }
            unlink(server)
            actions.append(.release(server, from: client, .statementEnd))
            releaseServer(server, time, &actions)
        case .transaction:
            guard status == .idle else {
                armIdleTransaction(client, time, &actions)
                return
            }
            unlink(server)
            actions.append(.release(server, from: client, .transactionEnd))
            releaseServer(server, time, &actions)
        case .session:
            if status != .idle { armIdleTransaction(client, time, &actions) }
        }
    }

    private mutating func armIdleTransaction(_ client: ClientID, _ time: Int64, _ actions: inout [ProxyAction]) {
        guard config.idleTransactionTimeout > .zero else { return }
        clients[Int(client.rawValue)].idleTransactionArmed = true
        actions.append(
            .scheduleTimer(
                ProxyTimer(.idleTransaction, client: client),
                at: SimInstant(nanoseconds: time + config.idleTransactionTimeout.nanoseconds)))
    }

    private mutating func cancelIdleTransaction(_ client: ClientID, _ actions: inout [ProxyAction]) {
        guard clients[Int(client.rawValue)].idleTransactionArmed else { return }
        clients[Int(client.rawValue)].idleTransactionArmed = false
        actions.append(.cancelTimer(ProxyTimer(.idleTransaction, client: client)))
    }
}
