/// Two shells on one home each save what they know; merging on save keeps both shells' answers.
extension Progress {
    /// This progress with everything `other` adds: answers, attempts, hints and pages seen are kept from
    /// both (a question solved in either is solved), and where this learner is comes from `self`. A record
    /// made on another version of a question goes to `earlier` rather than counting for this version.
    public func merged(with other: Progress) -> Progress {
        var result = self
        for (lessonID, theirs) in other.lessons {
            var lesson = result.lessons[lessonID] ?? LessonProgress()
            lesson.pagesSeen.formUnion(theirs.pagesSeen)
            lesson.labs.formUnion(theirs.labs)
            for (questionID, record) in theirs.questions {
                var mine = lesson.questions[questionID] ?? QuestionProgress()
                if mine.version == nil || record.version == nil || mine.version == record.version {
                    mine.attempts = max(mine.attempts, record.attempts)
                    mine.solved = mine.solved || record.solved
                    mine.hintsShown = max(mine.hintsShown, record.hintsShown)
                    mine.revealed = mine.revealed || record.revealed
                    mine.firstAnswer = mine.firstAnswer ?? record.firstAnswer
                    mine.version = mine.version ?? record.version
                } else if !mine.earlier.contains(where: { $0.version == record.version }) {
                    // Answered on another version of the question: kept as history, never counted for this one.
                    var old = record
                    old.earlier = []
                    mine.earlier.append(old)
                }
                for old in record.earlier where !mine.earlier.contains(where: { $0.version == old.version }) {
                    mine.earlier.append(old)
                }
                lesson.questions[questionID] = mine
            }
            result.lessons[lessonID] = lesson
        }
        if result.lesson == nil {
            result.lesson = other.lesson
            result.page = other.page
            result.pageCount = other.pageCount
        }
        return result
    }
}
