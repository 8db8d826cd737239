/// The server-wide table of session-level advisory locks (`pg_advisory_lock`).
///
/// A lock belongs to a backend, not to a client: behind a transaction pooler, one client's lock can stay on a
/// server connection that the next client then "owns". Waiters queue in arrival order.
struct AdvisoryLockTable {
    private var holders: [Int64: Int32] = [:]
    private var waiters: [Int64: [Int32]] = [:]

    /// The backend holding `key`, if any.
    func holder(of key: Int64) -> Int32? { holders[key] }

    /// Takes `key` for `backend` if it is free; otherwise queues the backend and returns false.
    mutating func acquire(_ key: Int64, for backend: Int32, wait: Bool) -> Bool {
        if let holder = holders[key], holder != backend {
            if wait { waiters[key, default: []].append(backend) }
            return false
        }
        holders[key] = backend
        return true
    }

    /// Releases `key`; returns the waiting backend that now holds it, if any.
    mutating func release(_ key: Int64) -> Int32? {
        holders[key] = nil
        guard var queue = waiters[key], !queue.isEmpty else { return nil }
        let next = queue.removeFirst()
        waiters[key] = queue.isEmpty ? nil : queue
        holders[key] = next
        return next
    }

    /// Forgets that `backend` waits for `key` (its statement was cancelled).
    mutating func stopWaiting(_ backend: Int32, for key: Int64) {
        waiters[key]?.removeAll { $0 == backend }
        if waiters[key]?.isEmpty == true { waiters[key] = nil }
    }

    /// Releases everything `backend` holds or waits for (its session ended); returns the new holders.
    mutating func releaseAll(of backend: Int32) -> [(key: Int64, backend: Int32)] {
        for key in Array(waiters.keys) {
            stopWaiting(backend, for: key)
        }
        var granted: [(key: Int64, backend: Int32)] = []
        for key in holders.filter({ $0.value == backend }).keys.sorted() {
            if let next = release(key) { granted.append((key, next)) }
        }
        return granted
    }
}
