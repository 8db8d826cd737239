/// A learner's progress through the course: where they are, and how each question went.
public struct Progress: Codable, Equatable, Sendable {
    /// The file's format: 2 records each question's version; 1 (before) loads and is migrated on save.
    public var version = Progress.format
    public static let format = 2
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
    /// The version of the question this record is about (`Lesson.version(of:)`); nil in files written before
    /// versions were recorded, until the course is next read.
    public var version: String?
    /// Records of earlier versions, oldest first: the question changed after the learner answered it, so it
    /// is asked again and what they did before is kept, not lost.
    public var earlier: [QuestionProgress] = []

    public init() {}

    /// Every key optional: a record from an older poolschool (no `firstAnswer`, `version` or `earlier`) still loads.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        attempts = try container.decodeIfPresent(Int.self, forKey: .attempts) ?? 0
        solved = try container.decodeIfPresent(Bool.self, forKey: .solved) ?? false
        hintsShown = try container.decodeIfPresent(Int.self, forKey: .hintsShown) ?? 0
        revealed = try container.decodeIfPresent(Bool.self, forKey: .revealed) ?? false
        firstAnswer = try container.decodeIfPresent(String.self, forKey: .firstAnswer)
        version = try container.decodeIfPresent(String.self, forKey: .version)
        earlier = try container.decodeIfPresent([QuestionProgress].self, forKey: .earlier) ?? []
    }

    /// Whether the question changed since the learner last worked on it, and they have not started on it again.
    public var changedSinceAnswered: Bool { !earlier.isEmpty && attempts == 0 && !isDone && hintsShown == 0 }

    /// Answered right, or given up on: either way the learner can move on.
    public var isDone: Bool { solved || revealed }
}
