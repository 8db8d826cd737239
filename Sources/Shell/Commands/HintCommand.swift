extension ShellCommand {
    static let hint = ShellCommand(
        name: "hint", group: .course, summary: "Show the next hint for the question on screen, or for an exercise",
        usage: "hint [QID | EXERCISE]",
        details:
            "Reveals the next hint of the current question (or of question QID, or of exercise EXERCISE), one at a time.",
        complete: completeQuestionIDs,
        run: { arguments, session throws(ShellError) in
            // `hint EXERCISE`: the exercise's next hint (ShellSession+Exercises.swift).
            if let name = arguments.first, arguments.count == 1, try session.showExerciseHint(name) { return }
            let (course, lesson) = try session.requireLesson()
            guard arguments.count <= 1 else { throw .usage("expected at most one question id") }
            let question =
                try arguments.first.map { id throws(ShellError) in
                    guard let question = lesson.question(id: id) else {
                        throw .failed("'\(lesson.id)' has no question '\(Sanitizer.clean(id))'")
                    }
                    return question
                } ?? course.currentQuestion
            guard let question else {
                throw .failed("no open question on this page; 'hint QID' shows a hint for one by its id")
            }
            course.justFinished = nil
            let shown = course.progress.question(lesson.id, question.id).hintsShown
            guard shown < question.hints.count else {
                throw .failed(
                    question.hints.isEmpty
                        ? "question '\(question.id)' has no hints"
                        : "no more hints for '\(question.id)'; 'explain' shows the explanation")
            }
            course.record(question, in: lesson) { $0.hintsShown += 1 }
            session.render(
                markdown: "**Hint \(shown + 1) of \(question.hints.count):** "
                    + course.fill(question.hints[shown], in: lesson))
            session.saveProgress()
        })
}
