/// A lesson: front matter and pages of prose, questions, params and labs.
public struct Lesson: Sendable {
    public let id: String
    public let title: String
    public let order: Int
    public let sources: [String]
    public let requires: [String]
    public let minutes: Int?
    /// The file it was read from, for messages.
    public let file: String
    public internal(set) var pages: [Page]
    /// Lines of front-matter keys, so lint can point at `id:` or `requires:`.
    public let lines: [String: Int]
    /// Params whose line could not be read: lint does not report their uses a second time.
    public internal(set) var unreadParams: Set<String> = []

    public var questions: [Question] {
        pages.flatMap(\.questions)
    }

    public func question(id: String) -> Question? {
        questions.first { $0.id == id }
    }
}

/// One screen of a lesson.
public struct Page: Sendable {
    public internal(set) var blocks: [PageBlock]
    /// The file line each block starts at (the first line of prose, a block's opening fence).
    public internal(set) var lines: [Int] = []

    public var questions: [Question] {
        blocks.compactMap { block in
            if case .question(let question) = block { return question }
            return nil
        }
    }
}

/// A piece of a page, in the order the author wrote them.
public enum PageBlock: Sendable {
    /// Markdown, with `{param}` placeholders.
    case prose(String)
    case question(Question)
    case params([ParamSpec])
    case lab(LabBlock)
}

/// A `lab` block: a scenario, steps to run, and what the learner should then see.
public struct LabBlock: Sendable {
    public let scenario: String
    public let steps: [String]
    public let expectations: [LabExpectation]
    public let observe: String?
    public let line: Int
    /// The file lines of its keys and of each step, so lint can point at the one that is wrong.
    public internal(set) var keyLines: [String: Int] = [:]
    public internal(set) var stepLines: [Int] = []

    public func line(of key: String) -> Int { keyLines[key] ?? line }
}

/// `waiting >= 1`: a world metric compared with a number.
public struct LabExpectation: Sendable, Equatable {
    public let metric: String
    public let comparison: String
    public let value: Double
    public let line: Int

    public static let comparisons = ["==", "!=", "<=", ">=", "<", ">"]

    public func holds(for actual: Double) -> Bool {
        switch comparison {
        case "==": return actual == value
        case "!=": return actual != value
        case "<=": return actual <= value
        case ">=": return actual >= value
        case "<": return actual < value
        default: return actual > value
        }
    }
}
