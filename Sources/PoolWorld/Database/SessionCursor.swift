/// An open cursor: the rows of its query, and how far the session has fetched.
///
/// A cursor belongs to the server connection that declared it. Without `WITH HOLD` it ends with its
/// transaction, so it is safe behind a transaction pooler; with `WITH HOLD` it outlives the transaction and
/// stays on a server connection that the pooler may hand to someone else.
public struct SessionCursor: Hashable, Sendable {
    /// Whether it was declared `WITH HOLD` (kept after COMMIT).
    public var hold: Bool
    /// The rows, as text, fixed when the cursor was declared.
    public var rows: [String]
    /// Rows fetched so far.
    public var position = 0

    public init(hold: Bool, rows: [String]) {
        self.hold = hold
        self.rows = rows
    }

    /// Takes the next `count` rows (all that are left when nil).
    mutating func fetch(_ count: Int?) -> ArraySlice<String> {
        let end = count.map { min(rows.count, position + $0) } ?? rows.count
        defer { position = end }
        return rows[position..<end]
    }
}
