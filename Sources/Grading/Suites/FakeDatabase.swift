import Synchronization

/// The grader's side of exercise 7: the connections that exist, who holds each, and the first broken rule.
final class FakeDatabase: Sendable {
    private struct State {
        var next: Int32 = 0
        var attempts = 0
        var opened = 0
        var open: Set<ConnectionID> = []
        var holders: [ConnectionID: String] = [:]
        var problem: String?
    }

    private let state = Mutex(State())
    let maximum: Int
    /// Which open attempts (1-based) the database refuses, and with what.
    let refusals: [Int: DatabaseError]
    /// How long an open takes, in the pool's clock.
    static let openTime = SimDuration.milliseconds(1)

    init(maximum: Int, refusals: [Int: DatabaseError] = [:]) {
        self.maximum = maximum
        self.refusals = refusals
    }

    var problem: String? { state.withLock { $0.problem } }
    var openCount: Int { state.withLock { $0.open.count } }
    var opened: Int { state.withLock { $0.opened } }

    func connector(on run: VirtualRun) -> Connector {
        Connector(
            open: { [self] in
                let attempt = state.withLock { state in
                    state.attempts += 1
                    return state.attempts
                }
                try await run.sleep(until: run.now + Self.openTime)
                if let refusal = refusals[attempt] { throw refusal }
                return state.withLock { state in
                    state.next += 1
                    state.opened += 1
                    let connection = ConnectionID(state.next)
                    state.open.insert(connection)
                    if state.open.count > maximum, state.problem == nil {
                        state.problem =
                            "\(state.open.count) connections were open at once; the maximum is \(maximum) (two tasks "
                            + "both saw room and opened: make the check and the count one step, on the actor or "
                            + "under the lock)"
                    }
                    return connection
                }
            },
            close: { [self] connection in
                state.withLock { _ = $0.open.remove(connection) }
            },
            clock: run.clock)
    }

    func take(_ connection: ConnectionID, by borrower: String) {
        state.withLock { state in
            if let holder = state.holders[connection], state.problem == nil {
                state.problem = "\(connection) was lent to \(borrower) while \(holder) still held it"
            }
            if !state.open.contains(connection), state.problem == nil {
                state.problem = "\(connection) was lent to \(borrower), but it is not an open connection"
            }
            state.holders[connection] = borrower
        }
    }

    func give(_ connection: ConnectionID) {
        state.withLock { _ = $0.holders.removeValue(forKey: connection) }
    }

    func report(_ problem: String) {
        state.withLock { state in
            if state.problem == nil { state.problem = problem }
        }
    }
}

/// A value shared between tasks, behind a lock.
final class Shared<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>

    init(_ value: Value) {
        mutex = Mutex(value)
    }

    var value: Value { mutex.withLock { $0 } }

    func update<Result>(_ change: (inout Value) -> Result) -> Result {
        mutex.withLock { change(&$0) }
    }
}
