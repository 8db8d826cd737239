/// What a pool wants done: the output of a pool state machine, carried out by the simulator.
public enum PoolAction: Hashable, Sendable {
    /// Hand this connection to this borrower.
    case lend(ConnectionID, to: RequestID)
    /// The borrower has to wait; `position` is its place in line, 1 for the head.
    case enqueue(RequestID, position: Int)
    /// Open a new connection; the simulator names it and reports `connectionOpened` or `connectionOpenFailed`.
    case openConnection
    /// Close this connection.
    case closeConnection(ConnectionID, CloseReason)
    /// Ping this connection (`SELECT 1`) before use, on behalf of a borrower or as a keep-alive (nil).
    case validate(ConnectionID, for: RequestID?)
    /// The borrow failed.
    indirect case failBorrow(RequestID, PoolError)
    /// Deliver `timerFired` at this instant.
    case scheduleTimer(PoolTimer, at: SimInstant)
    /// Forget a scheduled timer.
    case cancelTimer(PoolTimer)
    /// Warn that a connection has been lent for suspiciously long. The connection is not taken back.
    case reportLeak(ConnectionID, borrower: RequestID, heldFor: SimDuration)
    /// A connection reported as leaked came back after all.
    case reportUnleaked(ConnectionID, heldFor: SimDuration)
}

/// A reusable list of actions.
///
/// The simulator passes the same buffer to every call, so answering an event allocates nothing once the
/// buffer has grown to its working size.
public struct PoolActions: RandomAccessCollection, Sendable {
    private var storage: [PoolAction] = []
    private var used = 0

    public init() {
        storage.reserveCapacity(8)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { used }
    public subscript(position: Int) -> PoolAction {
        precondition(position < used, "action index out of range")
        return storage[position]
    }

    /// The actions as an array (for tests and traces).
    public var list: [PoolAction] { Array(storage[0..<used]) }

    public mutating func append(_ action: PoolAction) {
        if used < storage.count {
            storage[used] = action
        } else {
            storage.append(action)
        }
        used += 1
    }

    /// Empties the list, keeping its storage (old entries are overwritten by later appends).
    public mutating func removeAll() {
        used = 0
    }
}
