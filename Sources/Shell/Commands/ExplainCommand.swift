import Course

extension ShellCommand {
    static let explain = ShellCommand(
        name: "explain", group: .course, summary: "Show the explanation of the current question",
        usage: "explain [QID]",
        details: """
            Shows the worked explanation of the question on screen (or of question QID); right after an answer, \
            of the question just answered. Before you have answered, this counts as giving the question up: \
            it stays counted as explained, whatever you type after.
            """,
        complete: completeQuestionIDs,
        run: { arguments, session throws(ShellError) in
            let (course, lesson) = try session.requireLesson()
            guard arguments.count <= 1 else { throw .usage("expected at most one question id") }
            let question: Question
            if let id = arguments.first {
                guard let named = lesson.question(id: id) else {
                    throw .failed("'\(lesson.id)' has no question '\(Sanitizer.clean(id))'")
                }
                question = named
            } else if let finished = course.justFinished {
                // Right after an answer, "explain" means that answer's question, not the next one.
                question = finished
            } else if let current = course.currentQuestion {
                question = current
            } else {
                throw .failed("no open question on this page; 'explain QID' shows the explanation of one by its id")
            }
            course.justFinished = nil
            course.record(question, in: lesson) { if !$0.solved { $0.revealed = true } }
            session.render(
                markdown: course.fill(
                    question.explanation ?? "Question '\(question.id)' has no explanation.", in: lesson))
            session.saveProgress()
        })
}
