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

    /// Removes every entry.
    public mutating func removeAll() {
        entries.removeAll(keepingCapacity: true)
    }

    @inlinable
    mutating func siftUp(from start: Int) {
        var child = start
        let moving = entries[child]
        while child > 0 {
            let parent = (child - 1) >> 1
            guard moving.precedes(entries[parent]) else { break }
            entries[child] = entries[parent]
            child = parent
        }
        entries[child] = moving
    }

    @inlinable
    mutating func siftDown(from start: Int) {
        let count = entries.count
        var parent = start
        let moving = entries[parent]
        while true {
            var child = 2 * parent + 1
            guard child < count else { break }
            let right = child + 1
            if right < count && entries[right].precedes(entries[child]) { child = right }
            guard entries[child].precedes(moving) else { break }
            entries[parent] = entries[child]
            parent = child
        }
        entries[parent] = moving
    }
}
