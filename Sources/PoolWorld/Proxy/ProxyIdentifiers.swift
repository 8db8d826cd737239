/// A client connection to the proxy. The simulator numbers clients 1, 2, 3, … as they connect, so the proxy
/// can keep per-client state in an array.
public struct ClientID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static func < (lhs: ClientID, rhs: ClientID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `cl3`.
    public var description: String { "cl\(rawValue)" }
}

/// A server connection of the proxy. The proxy numbers them 1, 2, 3, … in the order it opens them; traces
/// call them `s1`, `s2`, … to tell them from an application pool's `c1`.
public struct ServerID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var rawValue: Int32

    public init(_ rawValue: Int32) {
        self.rawValue = rawValue
    }

    public static func < (lhs: ServerID, rhs: ServerID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// `s3`.
    public var description: String { "s\(rawValue)" }
}
