/// A simulator's agenda: the events to come in virtual time, earliest first, ties in the order they were
/// scheduled.
///
/// The next open-loop arrival is kept beside the heap: there is only ever one, and at a million requests
/// that saves a million pushes and pops. It takes a sequence number when it is scheduled, so it is ordered
/// exactly as if it were in the heap.
struct Agenda<Event: KernelEvent> {
    var queue = EventQueue<Event>()
    /// When the next open-loop arrival is due; `Int64.max`: none.
    private var arrivalTime = Int64.max
    private var arrivalSequence: UInt64 = 0

    @inline(__always)
    mutating func schedule(_ event: Event, at time: Int64) {
        queue.schedule(event, at: time)
    }

    mutating func scheduleArrival(at time: Int64) {
        arrivalTime = time
        arrivalSequence = queue.takeSequence()
    }

    /// When the next event happens, if any.
    var nextTime: Int64? {
        let heapTime = queue.nextTime ?? .max
        let earliest = min(heapTime, arrivalTime)
        return earliest == .max ? nil : earliest
    }

    mutating func popNext() -> (time: Int64, payload: Event)? {
        guard arrivalTime != .max else { return queue.popFirst() }
        if let top = queue.firstKey,
            top.time < arrivalTime || (top.time == arrivalTime && top.sequence < arrivalSequence)
        {
            return queue.popFirst()
        }
        let time = arrivalTime
        arrivalTime = .max
        return (time, .arrival)
    }
}
