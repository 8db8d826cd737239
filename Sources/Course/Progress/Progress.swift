/// A learner's progress through the course: where they are, and how each question went.
public struct Progress: Codable, Equatable, Sendable {
    public var version = 1
    public var learner: String
    /// The lesson and page to resume at.
    public var lesson: String?
    public var page: Int = 0
    /// Pages of that lesson, so the prompt can say `3/7` before the lessons are read.
    public var pageCount: Int?
    public var lessons: [String: LessonProgress] = [:]

    public init(learner: String) {
        self.learner = learner
    }

    public func question(_ lesson: String, _ question: String) -> QuestionProgress {
        lessons[lesson]?.questions[question] ?? QuestionProgress()
    }

    public mutating func update(_ lesson: String, _ question: String, _ change: (inout QuestionProgress) -> Void) {
        var record = self.question(lesson, question)
        change(&record)
        lessons[lesson, default: LessonProgress()].questions[question] = record
    }
}

public struct LessonProgress: Codable, Equatable, Sendable {
    public var pagesSeen: Set<Int> = []
    public var questions: [String: QuestionProgress] = [:]
    /// Ids of the labs whose `lab check` passed.
    public var labs: Set<String> = []

    public init() {}

    enum CodingKeys: String, CodingKey {
        case pagesSeen, questions, labs
    }

    /// Progress saved before labs were recorded has no `labs`: it loads with none passed.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        pagesSeen = try container.decode(Set<Int>.self, forKey: .pagesSeen)
        questions = try container.decode([String: QuestionProgress].self, forKey: .questions)
        labs = try container.decodeIfPresent(Set<String>.self, forKey: .labs) ?? []
    }
}

public struct QuestionProgress: Codable, Equatable, Sendable {
    public var attempts = 0
    public var solved = false
    public var hintsShown = 0
    /// The explanation was shown before a right answer (three misses, or `explain`).
    public var revealed = false
    /// The first answer that counted as a try: a lab shows it beside the result as the learner's prediction.
    public var firstAnswer: String?

    public init() {}

    /// Answered right, or given up on: either way the learner can move on.
    public var isDone: Bool { solved || revealed }
}
