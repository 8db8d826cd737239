/// One step of a request's work.
public enum RequestStep: Hashable, Sendable, CustomStringConvertible {
    /// Keep the connection for this long without using database CPU: application work between statements,
    /// network time. A request made of one `hold` is queueing theory's customer with service time = hold.
    case hold(Distribution)
    /// A query that needs this much database CPU (`SELECT work(…)`); it slows down when the cores are busy.
    case query(Distribution)
    /// Run this statement.
    case statement(SQLStatement)
    /// Borrow a second connection from the same pool while keeping the first (a nested transaction).
    case borrowSecond
    /// Return the second connection.
    case releaseSecond

    public var description: String {
        switch self {
        case .hold(let duration): "hold \(duration)"
        case .query(let cost): "query \(cost)"
        case .statement(let statement): statement.description
        case .borrowSecond: "borrow a second connection"
        case .releaseSecond: "return the second connection"
        }
    }
}

/// What one request does between borrowing its connection and returning it.
///
/// Statements and queries run on the most recently borrowed connection that is still held.
public struct RequestScript: Hashable, Sendable {
    /// A name for reports, e.g. `fast` or `report`.
    public var name: String
    public var steps: [RequestStep]

    public init(name: String, steps: [RequestStep]) {
        self.name = name
        self.steps = steps
    }

    /// Borrow, hold for a while, return: the M/M/c customer.
    public static func hold(_ duration: Distribution, name: String = "hold") -> RequestScript {
        RequestScript(name: name, steps: [.hold(duration)])
    }

    /// Borrow, run one query of this CPU cost, return.
    public static func query(_ cost: Distribution, name: String = "query") -> RequestScript {
        RequestScript(name: name, steps: [.query(cost)])
    }

    /// BEGIN, `statements` queries with `gap` of application time between them, COMMIT.
    public static func transaction(
        statements: Int, cost: Distribution, gap: Distribution = .constant(.zero), name: String = "transaction"
    ) -> RequestScript {
        var steps: [RequestStep] = [.statement(.begin)]
        for index in 0..<statements {
            if index > 0 { steps.append(.hold(gap)) }
            steps.append(.query(cost))
        }
        steps.append(.statement(.commit))
        return RequestScript(name: name, steps: steps)
    }

    /// A transaction that, halfway, needs a second connection from the same pool (an audit log written
    /// "outside" the transaction): the pool-locking deadlock when every request holds one and waits for another.
    public static func nestedTransaction(hold: Distribution, name: String = "nested") -> RequestScript {
        RequestScript(
            name: name,
            steps: [
                .statement(.begin), .hold(hold), .borrowSecond, .query(.constant(.milliseconds(1))), .releaseSecond,
                .statement(.commit),
            ])
    }
}
