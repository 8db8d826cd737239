import PoolWorld

/// Pool actions as a trace prints them: `lend c1 to r3`, `fail r4: connection not available, …`.
enum ActionText {
    static func describe(_ action: PoolAction) -> String {
        switch action {
        case .lend(let connection, let request): "lend \(connection) to \(request)"
        case .enqueue(let request, let position): "enqueue \(request) at position \(position)"
        case .openConnection: "open a connection"
        case .closeConnection(let connection, let reason): "close \(connection) (\(reason))"
        case .validate(let connection, let request):
            "validate \(connection)" + (request.map { " for \($0)" } ?? " (keep-alive)")
        case .failBorrow(let request, let error): "fail \(request): \(error)"
        case .scheduleTimer(let timer, let instant): "schedule timer \(describe(timer)) at \(instant)"
        case .cancelTimer(let timer): "cancel timer \(describe(timer))"
        case .reportLeak(let connection, let borrower, let heldFor):
            "report leak: \(connection) held by \(borrower) for \(heldFor)"
        case .reportUnleaked(let connection, let heldFor): "report \(connection) returned after \(heldFor)"
        }
    }

    /// `leakDetection(c1) #3`: the generation tells one lease's timer from the next one's.
    static func describe(_ timer: PoolTimer) -> String {
        timer.generation == 0 ? "\(timer)" : "\(timer) #\(timer.generation)"
    }
}
