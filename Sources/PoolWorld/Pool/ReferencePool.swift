import DequeModule
import Histogram

/// The course's reference connection pool: a sans-I/O state machine in the style of PostgresNIO's.
///
/// It combines the behaviours the lessons compare: a maximum size with optional overflow (SQLAlchemy),
/// minimum idle with warm-up, a borrow timeout with HikariCP's error text, idle timeout above the minimum,
/// maximum lifetime with jitter, validation on borrow or keep-alive pings, and leak detection that reports
/// but never reclaims. Waiters are served first come, first served; idle connections LIFO or FIFO.
///
/// Per-connection state lives in an array indexed by connection number (the simulator numbers connections
/// densely), idle connections and waiters in deques: answering a borrow or a return allocates nothing.
public struct ReferencePool: ConnectionPoolStateMachine {
    struct Slot {
        enum State: UInt8 {
            case unused
            case idle
            case leased
            case validating
            /// Between owners: just returned, opened or pinged, about to be lent, parked or closed.
            case transit
            case closed
        }
        var state = State.unused
        var createdAt: Int64 = 0
        var idleSince: Int64 = 0
        var leasedAt: Int64 = 0
        var borrower = RequestID(0)
        var leaseGeneration: UInt32 = 0
        /// The borrower this connection is being validated for (nil: a keep-alive ping).
        var validatingFor: RequestID?
        var validatingSince: Int64 = 0
        var validatingArmed = false
        /// Past its lifetime while lent: close it when it comes back.
        var evict = false
        var leakReported = false
        var lifetimeArmed = false
        var keepAliveArmed = false
        var leakArmed = false
        /// A per-connection idle timer is scheduled (exact idle eviction).
        var idleTimerArmed = false
    }

    struct Waiter {
        var request: RequestID
        var since: Int64
        /// Whether a borrow-timeout timer is scheduled for it.
        var armed: Bool
    }

    public let config: PoolConfig
    var slots: [Slot] = [Slot()]
    var idle = Deque<ConnectionID>()
    var waiters = Deque<Waiter>()
    var open = 0
    var opening = 0
    var leased = 0
    var validating = 0
    /// Running totals: created, closed by reason, timeouts, validations, leaks.
    public internal(set) var counters = PoolCounters()
    /// How long each lent borrow waited, in nanoseconds.
    public internal(set) var waitTimes = WaitHistogram.durations()
    /// The most recent error from opening a connection.
    public internal(set) var lastOpenError: DatabaseError?
    var consecutiveOpenFailures = 0
    var retryArmed = false
    var housekeepingArmed = false
    var shuttingDown = false
    var random: WorldRandom

    /// A pool with `config`; `seed` drives its only random choice, the lifetime jitter.
    public init(config: PoolConfig, seed: UInt64 = 0) {
        self.config = config
        self.random = WorldRandom(seed: seed)
    }

    public var metrics: PoolMetrics {
        PoolMetrics(
            total: open, idle: idle.count, active: leased + validating, waiting: waiters.count, pending: opening)
    }

    public var maximumConnections: Int { config.maxSize + config.maxOverflow }

    public mutating func handle(_ event: PoolEvent, at now: SimInstant, into actions: inout PoolActions) {
        let time = now.nanoseconds
        switch event {
        case .start:
            armHousekeeping(time, &actions)
            replenish(time, &actions)
        case .borrowRequested(let request):
            borrow(request, time, &actions)
        case .borrowCancelled(let request):
            cancelBorrow(request, &actions)
        case .connectionReturned(let id):
            returned(id, time, &actions)
        case .connectionOpened(let id):
            opened(id, time, &actions)
        case .connectionOpenFailed(_, let error):
            openFailed(error, time, &actions)
        case .connectionClosed(let id, _):
            broke(id, time, &actions)
        case .validationSucceeded(let id):
            validationSucceeded(id, time, &actions)
        case .validationFailed(let id, _):
            validationFailed(id, time, &actions)
        case .timerFired(let timer):
            timerFired(timer, time, &actions)
        case .shutdown:
            shutdown(&actions)
        }
    }

    // MARK: Borrowing and returning

    private mutating func borrow(_ request: RequestID, _ time: Int64, _ actions: inout PoolActions) {
        counters.borrows += 1
        guard !shuttingDown else {
            counters.failedOtherwise += 1
            actions.append(.failBorrow(request, .shutDown))
            return
        }
        if waiters.isEmpty, let id = takeIdle() {
            assign(id, to: request, since: time, armed: false, time, &actions)
            replenish(time, &actions)
            return
        }
        var armed = false
        if let timeout = config.borrowTimeout {
            armed = true
            actions.append(
                .scheduleTimer(
                    PoolTimer(.borrowTimeout, request: request), at: SimInstant(nanoseconds: time + timeout.nanoseconds)
                ))
        }
        waiters.append(Waiter(request: request, since: time, armed: armed))
        counters.waited += 1
        actions.append(.enqueue(request, position: waiters.count))
        replenish(time, &actions)
    }

    /// Gives an idle connection to a borrower, validating it first if the configuration asks for that.
    mutating func assign(
        _ id: ConnectionID, to request: RequestID, since: Int64, armed: Bool, _ time: Int64,
        _ actions: inout PoolActions
    ) {
        if case .onBorrow(let window) = config.validation,
            time - slots[Int(id.rawValue)].idleSince >= window.nanoseconds
        {
            slots[Int(id.rawValue)].state = .validating
            slots[Int(id.rawValue)].validatingFor = request
            slots[Int(id.rawValue)].validatingSince = since
            slots[Int(id.rawValue)].validatingArmed = armed
            validating += 1
            counters.validations += 1
            actions.append(.validate(id, for: request))
            return
        }
        lend(id, to: request, since: since, armed: armed, time, &actions)
    }

    mutating func lend(
        _ id: ConnectionID, to request: RequestID, since: Int64, armed: Bool, _ time: Int64,
        _ actions: inout PoolActions
    ) {
        let index = Int(id.rawValue)
        slots[index].state = .leased
        slots[index].borrower = request
        slots[index].leasedAt = time
        slots[index].leaseGeneration &+= 1
        slots[index].leakReported = false
        leased += 1
        counters.lent += 1
        if armed {
            actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: request)))
        }
        actions.append(.lend(id, to: request))
        waitTimes.record(UInt64(time - since))
        if let threshold = config.leakDetectionThreshold {
            slots[index].leakArmed = true
            actions.append(
                .scheduleTimer(
                    PoolTimer(.leakDetection, connection: id, generation: slots[index].leaseGeneration),
                    at: SimInstant(nanoseconds: time + threshold.nanoseconds)))
        }
    }

    private mutating func returned(_ id: ConnectionID, _ time: Int64, _ actions: inout PoolActions) {
        let index = Int(id.rawValue)
        guard index < slots.count, slots[index].state == .leased else { return }
        leased -= 1
        slots[index].state = .transit
        if slots[index].leakArmed {
            slots[index].leakArmed = false
            actions.append(
                .cancelTimer(PoolTimer(.leakDetection, connection: id, generation: slots[index].leaseGeneration)))
        }
        if slots[index].leakReported {
            counters.unleaked += 1
            actions.append(.reportUnleaked(id, heldFor: SimDuration(nanoseconds: time - slots[index].leasedAt)))
        }
        if slots[index].evict {
            close(id, .maxLifetime, &actions)
            replenish(time, &actions)
            return
        }
        offer(id, time, &actions)
    }

    /// A connection just became free (returned, opened, pinged): the head waiter gets it, else it goes idle
    /// (or away, if it is overflow or the pool is shutting down).
    mutating func offer(_ id: ConnectionID, _ time: Int64, _ actions: inout PoolActions) {
        if let waiter = waiters.popFirst() {
            lend(id, to: waiter.request, since: waiter.since, armed: waiter.armed, time, &actions)
        } else if shuttingDown {
            close(id, .shutdown, &actions)
        } else if open > config.maxSize {
            close(id, .overflow, &actions)
        } else if let cap = config.maxIdle, idle.count >= cap {
            close(id, .maxIdle, &actions)
        } else {
            let index = Int(id.rawValue)
            slots[index].state = .idle
            slots[index].idleSince = time
            idle.append(id)
            armIdleTimer(id, &actions)
        }
    }

    /// With exact idle eviction, the connection's own timer, due when its idle timeout passes. The timer's value
    /// names the connection, so scheduling it again replaces the previous one; one that fires while the
    /// connection is lent is ignored.
    mutating func armIdleTimer(_ id: ConnectionID, _ actions: inout PoolActions) {
        guard config.idleEviction == .exact, let timeout = config.idleTimeout else { return }
        let index = Int(id.rawValue)
        slots[index].idleTimerArmed = true
        actions.append(
            .scheduleTimer(
                PoolTimer(.housekeeping, connection: id),
                at: SimInstant(nanoseconds: slots[index].idleSince + timeout.nanoseconds)))
    }

    mutating func takeIdle() -> ConnectionID? {
        let id: ConnectionID?
        switch config.idleOrder {
        case .lifo: id = idle.popLast()
        case .fifo: id = idle.popFirst()
        }
        return id
    }

    private mutating func cancelBorrow(_ request: RequestID, _ actions: inout PoolActions) {
        if let position = waiters.firstIndex(where: { $0.request == request }) {
            let waiter = waiters.remove(at: position)
            if waiter.armed { actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: request))) }
        } else if let index = slots.firstIndex(where: { $0.state == .validating && $0.validatingFor == request }) {
            if slots[index].validatingArmed {
                actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: request)))
            }
            slots[index].validatingFor = nil
        } else {
            return
        }
        counters.failedOtherwise += 1
        actions.append(.failBorrow(request, .cancelled))
    }

    private mutating func shutdown(_ actions: inout PoolActions) {
        guard !shuttingDown else { return }
        shuttingDown = true
        while let waiter = waiters.popFirst() {
            if waiter.armed { actions.append(.cancelTimer(PoolTimer(.borrowTimeout, request: waiter.request))) }
            counters.failedOtherwise += 1
            actions.append(.failBorrow(waiter.request, .shutDown))
        }
        while let id = idle.first {
            close(id, .shutdown, &actions)
        }
        if housekeepingArmed {
            housekeepingArmed = false
            actions.append(.cancelTimer(PoolTimer(.housekeeping)))
        }
        if retryArmed {
            retryArmed = false
            actions.append(.cancelTimer(PoolTimer(.openRetry)))
        }
    }
}
