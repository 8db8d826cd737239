import Synchronization

/// Set by Ctrl-C; a long-running command polls it and stops cleanly, leaving its world consistent.
public final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    public func raise() {
        raised.store(true, ordering: .relaxed)
    }

    /// Whether Ctrl-C was pressed since the last call; reading it lowers it.
    public func consume() -> Bool {
        raised.exchange(false, ordering: .relaxed)
    }

    public var isRaised: Bool {
        raised.load(ordering: .relaxed)
    }
}
