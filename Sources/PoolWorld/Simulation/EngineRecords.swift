/// The engine's view of one connection of one pool. Plain data: errors and statement texts live in side
/// tables, so that the hot path copies no reference-counted values.
struct ConnectionRecord {
    enum State: UInt8 {
        case unused
        case opening
        /// In the pool's hands (idle, as far as the engine is concerned).
        case pooled
        case lent
        case validating
        case closed
    }
    var state = State.unused
    var backend = BackendRef(slot: -1, generation: 0)
    var holder: Int32 = -1
    var holderBorrow = 0
    var lentAt: Int64 = 0
    var warm = false
    /// The client knows the connection is dead (and has closed its side).
    var broken = false
    var statementStartedAt: Int64 = 0
}

/// The engine's books on one pool.
struct PoolBooks {
    var name: String
    var connections = [ConnectionRecord()]
    /// Connections open or opening, as the engine counts them, to check the pool's limit.
    var openOrOpening = 0
    /// Borrows waiting and not yet assigned, oldest first (kept only when checking invariants).
    var waitingOrder: [Int] = []
}

/// One request (or one named borrower in the lab) in flight. Plain data, so copying one is a memcpy.
struct RequestRecord {
    var number: Int32 = 0
    var script: Int32 = -1
    var step: Int32 = 0
    var pool: Int32 = 0
    var client: Int32 = -1
    var attempt: Int32 = 1
    var token: UInt32 = 0
    var arrivedAt: Int64 = 0
    var borrowAskedAt: Int64 = 0
    var waited: Int64 = 0
    var primary: Int32 = -1
    var secondary: Int32 = -1
    var pendingBorrow = 0
    var borrowingSecond = false
    var waitingCounted = false
    var assigned = false
    var manual = false
    var live = false
}

/// Which pool connection a backend belongs to.
struct BackendOwner {
    var pool: Int32 = -1
    var connection: Int32 = -1
    var generation: UInt32 = 0
}

/// A timer a pool scheduled.
struct TimerEntry {
    var pool: Int32 = -1
    var timer = PoolTimer(.housekeeping)
    var generation: UInt32 = 0
    var live = false
}

struct TimerKey: Hashable {
    var pool: Int32
    var timer: PoolTimer
}
