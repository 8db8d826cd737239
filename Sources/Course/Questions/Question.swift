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
    /// The file lines of its keys, hints and explanation, so lint can point at the one that is wrong.
    public internal(set) var keyLines: [String: Int] = [:]
    public internal(set) var hintLines: [Int] = []
    public internal(set) var explanationLine: Int?
    /// False when reading it already reported a problem: lint then skips the checks that would only
    /// repeat it (a key checked against a tolerance that could not be read).
    var isSound = true

    public func line(of key: String) -> Int { keyLines[key] ?? line }
    /// Numeric questions: where the key must fall for every learner (`range: 1..100`), in `unit`.
    public internal(set) var range: ClosedRange<Double>?
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
