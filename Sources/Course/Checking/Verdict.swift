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

    /// The answer could not be read as one at all (neither right nor wrong).
    public var isUnreadable: Bool {
        if case .unreadable = self { return true }
        return false
    }

    /// Whether the answer counts as a try: a slip of the keyboard or of the units does not (and is not kept as
    /// a lab's prediction either).
    public var costsATry: Bool {
        switch self {
        case .correct, .close, .wrong: return true
        case .unreadable, .unitSlip: return false
        }
    }
}
