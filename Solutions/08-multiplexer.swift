import Grading

// Reference solution for Exercises/08-multiplexer.swift (lesson 10-proxy-pooling).

/// A tiny PgBouncer: many clients on a few server connections, shared by session, transaction or statement.
struct Multiplexer: MultiplexerExercise {
    let config: MultiplexerConfig
    /// Servers no client uses, most recently freed last (PgBouncer reuses LIFO).
    var free: [ServerID] = []
    var open = 0
    var opening = 0
    var serverOf: [ClientID: ServerID] = [:]
    /// Whose statement each busy server runs; servers running the reset query are in `resetting`.
    var running: [ServerID: ClientID] = [:]
    var resetting: Set<ServerID> = []
    /// Servers whose last reply said they are inside a transaction (or a failed one).
    var inTransaction: Set<ServerID> = []
    /// Clients waiting for a server, with their statement, oldest first.
    var waiting: [(client: ClientID, statement: SQLStatement)] = []

    init(config: MultiplexerConfig) {
        self.config = config
    }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        switch event {
        case .clientSent(let client, let statement):
            if let server = serverOf[client] ?? free.popLast() {
                send(statement, from: client, to: server, &actions)
            } else {
                waiting.append((client, statement))
                if open + opening < config.defaultPoolSize {
                    opening += 1
                    actions.append(.openServer)
                }
            }
        case .clientDisconnected(let client):
            waiting.removeAll { $0.client == client }
            guard let server = serverOf.removeValue(forKey: client) else { return }
            if inTransaction.contains(server) {
                // PgBouncer: "client disconnect while server was not ready". Nobody else may inherit the
                // transaction, and no reset can end it.
                close(server, &actions)
                return
            }
            release(server, &actions)
        case .serverOpened(let server):
            opening -= 1
            open += 1
            serve(server, &actions)
        case .serverReplied(let server, let result, let status):
            if resetting.remove(server) != nil {
                serve(server, &actions)
                return
            }
            guard let client = running.removeValue(forKey: server) else { return }
            if status == .idle { inTransaction.remove(server) } else { inTransaction.insert(server) }
            if config.poolMode == .statement && status != .idle {
                // PgBouncer sees the server in a transaction after the statement: both connections go.
                serverOf[client] = nil
                actions.append(.closeClient(client, .transactionBlocksNotAllowed))
                close(server, &actions)
                return
            }
            actions.append(.reply(client, result))
            if config.poolMode != .session && status == .idle {
                serverOf[client] = nil
                release(server, &actions)
            }
        }
    }

    private mutating func send(
        _ statement: SQLStatement, from client: ClientID, to server: ServerID, _ actions: inout [MultiplexerAction]
    ) {
        serverOf[client] = server
        running[server] = client
        actions.append(.forward(statement, from: client, to: server))
    }

    /// A client is done with a server: reset it where PgBouncer would, else hand it on.
    private mutating func release(_ server: ServerID, _ actions: inout [MultiplexerAction]) {
        if config.poolMode == .session || config.serverResetQueryAlways {
            resetting.insert(server)
            actions.append(.reset(server))
        } else {
            serve(server, &actions)
        }
    }

    /// Closes a server that cannot be used again, and opens another if clients wait.
    private mutating func close(_ server: ServerID, _ actions: inout [MultiplexerAction]) {
        inTransaction.remove(server)
        open -= 1
        actions.append(.closeServer(server))
        if waiting.count > opening && open + opening < config.defaultPoolSize {
            opening += 1
            actions.append(.openServer)
        }
    }

    /// A server is free: the client that has waited longest gets it.
    private mutating func serve(_ server: ServerID, _ actions: inout [MultiplexerAction]) {
        guard !waiting.isEmpty else {
            free.append(server)
            return
        }
        let next = waiting.removeFirst()
        send(next.statement, from: next.client, to: server, &actions)
    }
}
