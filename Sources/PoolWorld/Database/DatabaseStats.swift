/// The server's gauges at one moment, as `pg_stat_activity` and `top` would show them.
public struct DatabaseStats: Hashable, Sendable {
    /// Backends holding a connection slot.
    public var connections: Int
    /// The most backends held at once so far.
    public var peakConnections: Int
    /// `max_connections`.
    public var maxConnections: Int
    /// Private memory of all backends, in bytes.
    public var memoryBytes: Int
    /// Queries using CPU now.
    public var runningQueries: Int
    /// Cores busy now.
    public var busyCores: Int
    /// Cores in all, or nil when unlimited.
    public var cores: Int?
    /// Connections admitted so far.
    public var acceptedConnections: Int
    /// Connection attempts refused so far (slots, authentication, restart).
    public var refusedConnections: Int

    /// `12/100 connections, 24 MiB, 3 queries on 4 cores`.
    public var summary: String {
        let mebibytes = DurationFormat.number(Double(memoryBytes) / 1_048_576, decimals: 1)
        let coreText = cores.map { "\($0) cores" } ?? "unlimited cores"
        return
            "\(connections)/\(maxConnections) connections, \(mebibytes) MiB, \(runningQueries) queries on \(coreText)"
    }
}
