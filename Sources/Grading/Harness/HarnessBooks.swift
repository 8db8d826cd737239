import PoolWorld

// The harness's books and trace, kept outside its generic type: nested in it they would be generic too, and
// every access would look up their metadata at run time.

/// The trace being recorded: a reference, so that recording needs no exclusive access to the harness (lines
/// are built from its state while it changes).
final class TraceLines {
    var lines: [String] = []
}

/// A broken rule: its kind (a shrunk schedule must break the same kind) and what a learner reads.
struct Violation: Error, Hashable, Sendable {
    var category: String
    var message: String
}

/// A connection as the harness keeps its books.
struct HarnessConnection {
    enum State { case opening, idle, lent, validating, failedPing, closed }
    var state = State.opening
    var openedAt: Int64 = 0
    var idleSince: Int64 = 0
    var lentAt: Int64 = 0
    var holder = 0
    /// The borrower a ping is for (0: a keep-alive ping).
    var validatingFor = 0
    /// The borrower this connection passed a ping for, who may now be lent it without another.
    var validatedFor = 0
    /// Dropped by the server without the pool knowing, at this instant.
    var diedAt: Int64?
    var leakReported = false

    var isOpen: Bool { state != .opening && state != .closed }
}

/// A borrower as the harness keeps its books.
struct HarnessRequest {
    enum State { case waiting, validating, holding, failed, done }
    var state = State.waiting
    var askedAt: Int64 = 0
    var connection = 0
    var endedAt: Int64 = 0
    /// Why the borrow ended without a connection (`timed out`, `cancelled`), for messages.
    var ending = ""
    var cancelled = false
    /// The pool said it joined the line (`enqueue`).
    var enqueued = false
}

/// Something due at `time`; `order` breaks ties, first scheduled first. (A struct, not a tuple: a tuple's
/// metadata is looked up at run time in a debug build.)
struct AgendaEntry {
    var time: Int64
    var order: Int
    var what: HarnessPending

    func comesBefore(_ other: AgendaEntry) -> Bool { time < other.time || (time == other.time && order < other.order) }
}

/// What the harness will make happen later.
enum HarnessPending: Hashable {
    case opened(Int)
    case pinged(Int)
    case timer(PoolTimer)
}
