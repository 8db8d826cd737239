/// The world's single agenda: a binary min-heap of payloads keyed by (time, sequence number).
///
/// Equal times are ordered by the order in which they were scheduled, using a sequence number that only
/// grows, so a run never depends on how the heap happens to break ties. The heap is specialised to a
/// small inline struct (no boxes, no existentials): the M/M/c benchmark pushes and pops two entries per
/// request, so this is the hottest structure in the simulator.
public struct EventQueue<Payload> {
    @usableFromInline
    struct Entry {
        @usableFromInline var time: Int64
        @usableFromInline var sequence: UInt64
        @usableFromInline var payload: Payload

        @inlinable
        init(time: Int64, sequence: UInt64, payload: Payload) {
            self.time = time
            self.sequence = sequence
            self.payload = payload
        }

        @inlinable
        func precedes(_ other: Entry) -> Bool {
            time < other.time || (time == other.time && sequence < other.sequence)
        }
    }

    @usableFromInline var entries: [Entry] = []
    @usableFromInline var nextSequence: UInt64 = 0

    public init() {}

    /// The number of scheduled entries.
    @inlinable public var count: Int { entries.count }

    @inlinable public var isEmpty: Bool { entries.isEmpty }

    /// The time of the earliest entry, if any.
    @inlinable public var nextTime: Int64? { entries.first?.time }

    /// Schedules `payload` at `time` (nanoseconds since start), after everything already scheduled at that time.
    @inlinable
    public mutating func schedule(_ payload: Payload, at time: Int64) {
        let entry = Entry(time: time, sequence: nextSequence, payload: payload)
        nextSequence &+= 1
        entries.append(entry)
        siftUp(from: entries.count - 1)
    }

    /// Removes and returns the earliest entry.
    @inlinable
    public mutating func popFirst() -> (time: Int64, payload: Payload)? {
        guard let last = entries.popLast() else { return nil }
        guard !entries.isEmpty else { return (last.time, last.payload) }
        let first = entries[0]
        entries[0] = last
        siftDown(from: 0)
        return (first.time, first.payload)
    }

    /// The (time, sequence) key of the earliest entry, if any.
    @inlinable public var firstKey: (time: Int64, sequence: UInt64)? {
        guard let first = entries.first else { return nil }
        return (first.time, first.sequence)
    }

    /// Takes the next sequence number without scheduling anything, for an event kept outside the heap that
    /// must still be ordered exactly as if it were inside.
    @inlinable
    public mutating func takeSequence() -> UInt64 {
        defer { nextSequence &+= 1 }
        return nextSequence
    }

    /// Removes every entry.
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }

    @inlinable
    mutating func siftUp(from start: Int) {
        // One uniqueness check for the whole walk instead of one per element access.
        entries.withUnsafeMutableBufferPointer { heap in
            var child = start
            let moving = heap[child]
            while child > 0 {
                let parent = (child - 1) >> 1
                guard moving.precedes(heap[parent]) else { break }
                heap[child] = heap[parent]
                child = parent
            }
            heap[child] = moving
        }
    }

    @inlinable
    mutating func siftDown(from start: Int) {
        entries.withUnsafeMutableBufferPointer { heap in
            let count = heap.count
            var parent = start
            let moving = heap[parent]
            while true {
                var child = 2 * parent + 1
                guard child < count else { break }
                let right = child + 1
                if right < count && heap[right].precedes(heap[child]) { child = right }
                guard heap[child].precedes(moving) else { break }
                heap[parent] = heap[child]
                parent = child
            }
            heap[parent] = moving
        }
    }
}
