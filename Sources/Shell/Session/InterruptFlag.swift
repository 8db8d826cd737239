import Synchronization

/// Set by Ctrl-C; a long-running command polls it and stops cleanly, leaving its world consistent.
final class InterruptFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    init() {}

    func raise() {
        raised.store(true, ordering: .relaxed)
    }

    /// Whether Ctrl-C was pressed since the last call; reading it lowers it.
    func consume() -> Bool {
        raised.exchange(false, ordering: .relaxed)
    }

    var isRaised: Bool {
        raised.load(ordering: .relaxed)
    }
}
