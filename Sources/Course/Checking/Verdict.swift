/// What the checker says about one answer.
public enum Verdict: Equatable, Sendable {
    case correct
    /// Not right, but nearly: the message says what to look at.
    case close(String)
    /// Not right. The message, if any, says why.
    case wrong(String)
    /// Not an answer the checker could read (`abc` for a number): says what it expects, costs no try.
    case unreadable(String)

    public var isCorrect: Bool { self == .correct }
}
