/// Keeps each question's record tied to the version of the question it was made on.
extension Progress {
    /// A question whose record was made on another version of it.
    public struct ChangedQuestion: Equatable, Sendable {
        public let lesson: String
        public let question: String
        public let from: String
        public let to: String
    }

    /// Brings the records up to the lessons as they are now, and returns the questions that changed.
    ///
    /// A record without a version (a file from before versions) is taken to be about the question as it is
    /// now: nothing is lost, and only later changes are noticed. A record made on another version is kept in
    /// `earlier` and a fresh one started, so the learner is asked the new question.
    @discardableResult
    public mutating func reconcile(with lessons: [Lesson]) -> [ChangedQuestion] {
        var changed: [ChangedQuestion] = []
        for lesson in lessons {
            guard var record = self.lessons[lesson.id] else { continue }
            for question in lesson.questions {
                guard var answered = record.questions[question.id] else { continue }
                let current = lesson.version(of: question)
                guard let version = answered.version else {
                    answered.version = current
                    record.questions[question.id] = answered
                    continue
                }
                guard version != current else { continue }
                var fresh = QuestionProgress()
                fresh.version = current
                var old = answered
                old.earlier = []
                fresh.earlier = answered.earlier + [old]
                record.questions[question.id] = fresh
                changed.append(ChangedQuestion(lesson: lesson.id, question: question.id, from: version, to: current))
            }
            self.lessons[lesson.id] = record
        }
        version = Progress.format
        return changed
    }
}
