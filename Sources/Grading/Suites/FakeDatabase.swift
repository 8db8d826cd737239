import PoolWorld
import Synchronization

/// The grader's side of exercise 7: the connections that exist, who holds each, and the first broken rule.
final class FakeDatabase: Sendable {
    fileprivate struct State {
        var next: Int32 = 0
        var attempts = 0
        var opened = 0
        var open: Set<ConnectionID> = []
        var holders: [ConnectionID: String] = [:]
        var problem: String?
        /// The last steps, newest last, for the failure's trace.
        var trace: [String] = []
        /// FNV-1a over every step, to tell two runs apart.
        var fingerprint: UInt64 = 0xcbf2_9ce4_8422_2325
    }

    private let state = Mutex(State())
    private let run: VirtualRun
    let maximum: Int
    /// Which open attempts (1-based) the database refuses, and with what.
    let refusals: [Int: DatabaseError]
    /// How long an open takes, in the pool's clock.
    static let openTime = SimDuration.milliseconds(1)

    init(on run: VirtualRun, maximum: Int, refusals: [Int: DatabaseError] = [:]) {
        self.run = run
        self.maximum = maximum
        self.refusals = refusals
    }

    var problem: String? { state.withLock { $0.problem } }
    /// The last 40 steps, each `t=0.051s …`.
    var trace: [String] { state.withLock { $0.trace } }
    var fingerprint: UInt64 { state.withLock { $0.fingerprint } }
    var openCount: Int { state.withLock { $0.open.count } }
    var opened: Int { state.withLock { $0.opened } }

    var connector: Connector {
        Connector(
            open: { [self] () async throws(DatabaseError) -> ConnectionID in
                let attempt = state.withLock { state in
                    state.attempts += 1
                    return state.attempts
                }
                // A cancelled open ends as a timed-out connect, the error type the pool's event carries.
                do { try await run.sleep(until: run.now + Self.openTime) } catch {
                    throw DatabaseError.connectionTimedOut
                }
                if let refusal = refusals[attempt] {
                    note("the database refused an open: \(refusal)")
                    throw refusal
                }
                return state.withLock { state in
                    state.next += 1
                    state.opened += 1
                    let connection = ConnectionID(state.next)
                    state.open.insert(connection)
                    state.record("\(run.now) opened \(connection)")
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
                note("closed \(connection)")
                state.withLock { _ = $0.open.remove(connection) }
            },
            clock: run.clock)
    }

    func take(_ connection: ConnectionID, by borrower: String) {
        note("\(borrower) got \(connection)")
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
        let holder = state.withLock { $0.holders.removeValue(forKey: connection) }
        note("\(holder ?? "someone") returned \(connection)")
    }

    func report(_ problem: String) {
        state.withLock { state in
            if state.problem == nil { state.problem = problem }
        }
    }

    /// Adds a step to the trace, stamped with the virtual time.
    func note(_ step: String) {
        let line = "\(run.now) \(step)"
        state.withLock { $0.record(line) }
    }
}

extension FakeDatabase.State {
    mutating func record(_ line: String) {
        trace.append(line)
        if trace.count > 40 { trace.removeFirst(trace.count - 40) }
        for byte in line.utf8 { fingerprint = (fingerprint ^ UInt64(byte)) &* 0x100_0000_01b3 }
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
