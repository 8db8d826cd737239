import Grading

@testable import Solutions

/// Session mode that skips the reset: it tells the reference multiplexer the reset ran without running it.
struct ForgetsReset: MultiplexerExercise {
    var base: Solutions.Multiplexer

    init(config: MultiplexerConfig) { base = Solutions.Multiplexer(config: config) }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        var answer: [MultiplexerAction] = []
        base.handle(event, into: &answer)
        for action in answer {
            guard case .reset(let server) = action else {
                actions.append(action)
                continue
            }
            base.handle(.serverReplied(server, StatementResult(.success("DISCARD ALL")), .idle), into: &actions)
        }
    }
}

/// Statement mode that lets BEGIN through: it answers the client instead of closing it.
struct AllowsBegin: MultiplexerExercise {
    var base: Solutions.Multiplexer
    var lastResult: StatementResult?

    init(config: MultiplexerConfig) { base = Solutions.Multiplexer(config: config) }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        if case .serverReplied(_, let result, _) = event { lastResult = result }
        var answer: [MultiplexerAction] = []
        base.handle(event, into: &answer)
        for action in answer {
            switch action {
            case .closeClient(let client, _):
                actions.append(.reply(client, lastResult ?? StatementResult(.success(""))))
            case .closeServer: break
            default: actions.append(action)
            }
        }
    }
}

/// The reference before it learned PgBouncer's rule: a client that leaves inside a transaction gives its server
/// back (reset in session mode, handed on in transaction mode) instead of closing it.
struct HandsOnAbandonedServers: MultiplexerExercise {
    var base: Solutions.Multiplexer

    init(config: MultiplexerConfig) { base = Solutions.Multiplexer(config: config) }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        if case .clientDisconnected = event { base.inTransaction.removeAll() }
        base.handle(event, into: &actions)
    }
}

/// Treats a failed transaction ("current transaction is aborted") as over: the server goes back to the pool
/// still inside it.
struct ReleasesFailedTransactions: MultiplexerExercise {
    var base: Solutions.Multiplexer

    init(config: MultiplexerConfig) { base = Solutions.Multiplexer(config: config) }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        guard case .serverReplied(let server, let result, .failed) = event else {
            base.handle(event, into: &actions)
            return
        }
        base.handle(.serverReplied(server, result, .idle), into: &actions)
    }
}

/// Ignores server_reset_query_always.
struct IgnoresResetAlways: MultiplexerExercise {
    var base: Solutions.Multiplexer

    init(config: MultiplexerConfig) {
        var config = config
        config.serverResetQueryAlways = false
        base = Solutions.Multiplexer(config: config)
    }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        base.handle(event, into: &actions)
    }
}

/// A valid variant: statement mode refuses BEGIN up front, without sending it to a server.
struct RefusesBeginUpFront: MultiplexerExercise {
    var base: Solutions.Multiplexer

    init(config: MultiplexerConfig) { base = Solutions.Multiplexer(config: config) }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        if base.config.mode == .statement, case .clientSent(let client, .begin) = event {
            actions.append(.closeClient(client, .transactionBlocksNotAllowed))
            return
        }
        base.handle(event, into: &actions)
    }
}

/// A valid variant: free servers are reused oldest first rather than newest first.
struct ReusesOldestServer: MultiplexerExercise {
    var base: Solutions.Multiplexer

    init(config: MultiplexerConfig) { base = Solutions.Multiplexer(config: config) }

    mutating func handle(_ event: MultiplexerEvent, into actions: inout [MultiplexerAction]) {
        base.free.reverse()
        base.handle(event, into: &actions)
        base.free.reverse()
    }
}
