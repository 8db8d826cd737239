import PoolWorld

extension PoolHarness {
    /// The world as the pool could tell it apart: every connection and borrower, what is due and when (relative
    /// to now, and past a second all alike: no small world's setting is longer), the timers, the faults still to
    /// come and the pool's gauges. Two schedules that reach the same value are explored once.
    var stateKey: Int {
        var hasher = Hasher()
        func age(_ time: Int64) -> Int64 { min(now - time, 1_000_000_000) }
        for connection in connections.dropFirst() {
            hasher.combine(connection.state)
            hasher.combine(connection.holder)
            hasher.combine(connection.validatingFor)
            hasher.combine(connection.validatedFor)
            hasher.combine(connection.diedAt != nil)
            hasher.combine(connection.leakReported)
            if connection.state != .closed {
                hasher.combine(age(connection.openedAt))
                hasher.combine(age(connection.idleSince))
                hasher.combine(age(connection.lentAt))
            }
        }
        for request in requests.dropFirst() {
            hasher.combine(request.state)
            hasher.combine(request.connection)
            if request.state == .waiting || request.state == .validating { hasher.combine(age(request.askedAt)) }
        }
        for entry in agenda.sorted(by: { $0.comesBefore($1) }) {
            hasher.combine(entry.time - now)
            hasher.combine(entry.what)
        }
        // A set's hash does not depend on the order of its elements.
        hasher.combine(Set(timers.keys))
        hasher.combine(opensToFail)
        hasher.combine(opensToSlow)
        hasher.combine(consecutiveOpenFailures)
        hasher.combine(shortfallSince.map(age))
        hasher.combine(idleExcessSince.map(age))
        let metrics = pool.metrics
        hasher.combine([metrics.total, metrics.idle, metrics.active, metrics.waiting, metrics.pending])
        return hasher.finalize()
    }

    /// The world after an event, as `replay` shows it step by step:
    /// `    state: c1 lent to r1, c2 idle, c3 opening; waiting r3, r4; timers borrowTimeout(r3) at t=0.120s`.
    var stateLine: String {
        var parts: [String] = []
        for index in 1..<connections.count {
            let connection = connections[index]
            switch connection.state {
            case .opening: parts.append("c\(index) opening")
            case .idle: parts.append("c\(index) idle")
            case .lent: parts.append("c\(index) lent to r\(connection.holder)")
            case .validating: parts.append("c\(index) pinged for r\(connection.validatingFor)")
            case .failedPing: parts.append("c\(index) failed its ping")
            case .closed: continue
            }
        }
        let waiting = requests.indices.filter { requests[$0].state == .waiting }.map { "r\($0)" }
        let due = agenda.filter { entry in
            if case .timer(let timer) = entry.what { timers[timer] == entry.order } else { false }
        }
        .sorted { $0.comesBefore($1) }
        .compactMap { entry -> String? in
            guard case .timer(let timer) = entry.what else { return nil }
            return "\(ActionText.describe(timer)) at \(SimInstant(nanoseconds: entry.time))"
        }
        return "    state: " + (parts.isEmpty ? "no connections" : parts.joined(separator: ", "))
            + "; " + (waiting.isEmpty ? "nobody waiting" : "waiting " + waiting.joined(separator: ", "))
            + (due.isEmpty ? "" : "; timers " + due.joined(separator: ", "))
    }
}
