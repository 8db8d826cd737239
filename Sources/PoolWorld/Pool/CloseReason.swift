/// Why a pool closed one of its connections.
public enum CloseReason: Int, Hashable, Sendable, CaseIterable, CustomStringConvertible {
    /// Idle for longer than the idle timeout while the pool had more idle connections than its minimum.
    case idleTimeout
    /// Older than its maximum lifetime.
    case maxLifetime
    /// Failed a validation ping (on borrow or keep-alive).
    case validationFailed
    /// An overflow connection (above the base size) came back with nobody waiting.
    case overflow
    /// The connection broke or the server ended it.
    case broken
    /// The pool is shutting down.
    case shutdown
    /// It came back with nobody waiting and the idle list already at its cap (Go's `MaxIdleClosed`).
    case maxIdle

    public var description: String {
        switch self {
        case .idleTimeout: "idle timeout"
        case .maxLifetime: "max lifetime"
        case .validationFailed: "validation failed"
        case .overflow: "overflow"
        case .broken: "broken"
        case .shutdown: "shutdown"
        case .maxIdle: "max idle"
        }
    }
}
