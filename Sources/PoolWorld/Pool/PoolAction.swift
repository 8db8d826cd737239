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
/// buffer has grown to its working size. Inside, actions are kept as plain data (an error, the only payload
/// with reference-counted parts, goes to a side list): copying such entries is a memcpy, and the hot path of
/// the simulator never pays for retain/release on the actions it reads.
public struct PoolActions: RandomAccessCollection, Sendable {
    private var storage: [CompactPoolAction] = []
    private var used = 0
    private var errors: [PoolError] = []

    public init() {
        storage.reserveCapacity(8)
    }

    public var startIndex: Int { 0 }
    public var endIndex: Int { used }

    public subscript(position: Int) -> PoolAction {
        precondition(position < used, "action index out of range")
        return storage[position].expanded(errors)
    }

    /// The actions as an array (for tests and traces).
    public var list: [PoolAction] { (0..<used).map { self[$0] } }

    public mutating func append(_ action: PoolAction) {
        let compact: CompactPoolAction
        switch action {
        case .lend(let connection, let request): compact = .lend(connection, request)
        case .enqueue(let request, let position): compact = .enqueue(request, position)
        case .openConnection: compact = .openConnection
        case .closeConnection(let connection, let reason): compact = .closeConnection(connection, reason)
        case .validate(let connection, let request): compact = .validate(connection, request)
        case .failBorrow(let request, let error):
            compact = .failBorrow(request, Int32(errors.count))
            errors.append(error)
        case .scheduleTimer(let timer, let instant): compact = .scheduleTimer(timer, instant)
        case .cancelTimer(let timer): compact = .cancelTimer(timer)
        case .reportLeak(let connection, let borrower, let heldFor):
            compact = .reportLeak(connection, borrower, heldFor)
        case .reportUnleaked(let connection, let heldFor): compact = .reportUnleaked(connection, heldFor)
        }
        if used < storage.count {
            storage[used] = compact
        } else {
            storage.append(compact)
        }
        used += 1
    }

    /// Empties the list, keeping its storage.
    public mutating func removeAll() {
        used = 0
        if !errors.isEmpty { errors.removeAll(keepingCapacity: true) }
    }

    /// The action at `position` as plain data, for the simulator's hot path.
    func compact(at position: Int) -> CompactPoolAction { storage[position] }

    /// The error stored for a `failBorrow` action.
    func error(at index: Int32) -> PoolError { errors[Int(index)] }
}

/// `PoolAction` as plain data: the same cases, with a failed borrow's error replaced by its index in the
/// list's side table.
enum CompactPoolAction {
    case lend(ConnectionID, RequestID)
    case enqueue(RequestID, Int)
    case openConnection
    case closeConnection(ConnectionID, CloseReason)
    case validate(ConnectionID, RequestID?)
    case failBorrow(RequestID, Int32)
    case scheduleTimer(PoolTimer, SimInstant)
    case cancelTimer(PoolTimer)
    case reportLeak(ConnectionID, RequestID, SimDuration)
    case reportUnleaked(ConnectionID, SimDuration)

    func expanded(_ errors: [PoolError]) -> PoolAction {
        switch self {
        case .lend(let connection, let request): .lend(connection, to: request)
        case .enqueue(let request, let position): .enqueue(request, position: position)
        case .openConnection: .openConnection
        case .closeConnection(let connection, let reason): .closeConnection(connection, reason)
        case .validate(let connection, let request): .validate(connection, for: request)
        case .failBorrow(let request, let index): .failBorrow(request, errors[Int(index)])
        case .scheduleTimer(let timer, let instant): .scheduleTimer(timer, at: instant)
        case .cancelTimer(let timer): .cancelTimer(timer)
        case .reportLeak(let connection, let borrower, let heldFor):
            .reportLeak(connection, borrower: borrower, heldFor: heldFor)
        case .reportUnleaked(let connection, let heldFor): .reportUnleaked(connection, heldFor: heldFor)
        }
    }
}
