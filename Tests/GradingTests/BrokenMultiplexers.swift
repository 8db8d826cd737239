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
