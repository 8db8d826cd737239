/// The five kinds of question a lesson can ask.
public enum QuestionKind: String, CaseIterable, Sendable {
    case numeric, choice, multi, text, order
}

/// A graded question from a lesson's `question` block, with the hints and explanation below it.
public struct Question: Sendable {
    public let id: String
    public let kind: QuestionKind
    /// Markdown with `{param}` placeholders.
    public let prompt: String
    public let key: AnswerKey
    /// Numeric questions: the unit the answer is stated in.
    public let unit: Unit
    public let tolerance: Tolerance
    /// Choice and multi: the options, lettered a, b, c… in this order.
    public let choices: [String]
    /// Order: the items in the right order (shown shuffled).
    public let items: [String]
    /// Where the block opens in the lesson file.
    public let line: Int
    public internal(set) var hints: [String] = []
    public internal(set) var explanation: String?
}

/// What counts as right.
public enum AnswerKey: Sendable {
    case number(Quantity)
    case expression(Expression, source: String)
    case choice(Int)
    case multi(Set<Int>)
    case text(accept: [String], patterns: [String])
    /// The items' own order is the key.
    case order
    /// A salted SHA-256 of the normalised answer, so the file does not show it.
    case hashed(salt: String, digest: String)
}

/// How far a numeric answer may be from the key.
public enum Tolerance: Equatable, Sendable {
    case exact
    /// In base units (seconds, bytes, or plain).
    case absolute(Double)
    /// A fraction of the key: 0.02 for `2%`.
    case relative(Double)

    public func allows(_ difference: Double, around key: Double) -> Bool {
        let slack = 1e-9 * max(1, abs(key))
        switch self {
        case .exact: return abs(difference) <= slack
        case .absolute(let amount): return abs(difference) <= amount + slack
        case .relative(let fraction): return abs(difference) <= fraction * abs(key) + slack
        }
    }
}
