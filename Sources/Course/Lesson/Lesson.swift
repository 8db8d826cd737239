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

    /// The ids of the lesson's labs, in order.
    public var labIDs: [String] {
        pages.flatMap(\.blocks).compactMap { block in
            if case .lab(let lab) = block { return lab.id }
            return nil
        }
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

    public var isLab: Bool {
        if case .lab = self { return true }
        return false
    }
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

    /// Names the lab in progress and in `lab check ID`: the block's `id`, else its scenario.
    public var id: String = ""
    /// The block names its `id`; otherwise the id is its scenario (numbered from the second such lab on).
    public var idIsExplicit = false
    /// A PgBouncer world's pool mode (`session`, `transaction`, `statement`); nil for the world's default.
    public var mode: String?
    /// The question (on this page or before it) the learner answers before `lab check` counts.
    public var predict: String?
    /// Shown after a passing check, beside the learner's prediction: why the result is what it is.
    public var explain: String?
    /// The value lint puts in each `<blank>` of the steps; the learner chooses their own.
    public var samples: [String: String] = [:]

    /// The steps as lint runs them: every `<blank>` filled with its sample.
    public var sampleSteps: [String] {
        steps.map { LabBlanks.fill($0, with: samples) }
    }
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
