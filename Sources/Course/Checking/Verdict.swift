/// What the checker says about one answer.
public enum Verdict: Equatable, Sendable {
    case correct
    /// Not right, but nearly: the message says what to look at.
    case close(String)
    /// Not right. The message, if any, says why.
    case wrong(String)
    /// Not an answer the checker could read (`abc` for a number): says what it expects, costs no try.
    case unreadable(String)
    /// The right number in the wrong unit (`0.018` when the question asks in ms), or a unit of
    /// another kind: says which unit is expected, costs no try.
    case unitSlip(String)
}
