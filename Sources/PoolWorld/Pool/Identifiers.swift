/// A connection as the pool knows it. The simulator numbers each pool's connections 1, 2, 3, … in the
/// order it opens them, so a trace reads `c1`, `c2`, and a pool may keep its per-connection state in an array.
public struct ConnectionID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static func < (lhs: ConnectionID, rhs: ConnectionID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `c3`.
    public var description: String { "c\(rawValue)" }
}

/// One borrow: a request for a connection. Every borrow has its own number, even two borrows made by
/// the same piece of work (a nested transaction borrows twice).
public struct RequestID: Hashable, Comparable, Sendable, CustomStringConvertible {
    /// The borrow's number, unique within a run.
    public var number: Int
    /// Where the simulator keeps the borrower; opaque to pools, -1 for borrows made outside a simulation.
    var slot: Int32

    public init(_ number: Int) {
        self.number = number
        self.slot = -1
    }

    init(number: Int, slot: Int32) {
        self.number = number
        self.slot = slot
    }

    public static func == (lhs: RequestID, rhs: RequestID) -> Bool { lhs.number == rhs.number }
    public func hash(into hasher: inout Hasher) { hasher.combine(number) }
    public static func < (lhs: RequestID, rhs: RequestID) -> Bool { lhs.number < rhs.number }

    /// `r12`.
    public var description: String { "r\(number)" }
}
