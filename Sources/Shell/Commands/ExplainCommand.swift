extension ShellCommand {
    static let explain = ShellCommand(
        name: "explain", group: .course, summary: "Show the explanation of the current question",
        usage: "explain [QID]",
        details: "Shows the worked explanation. Before you have answered, this counts as giving the question up.",
        complete: completeQuestionIDs,
        run: { arguments, session throws(ShellError) in
            let (course, lesson) = try session.requireLesson()
            guard arguments.count <= 1 else { throw .usage("expected at most one question id") }
            let question =
                arguments.first.flatMap { lesson.question(id: $0) } ?? course.currentQuestion
                ?? lesson.pages[course.page].questions.last
            guard let question else { throw .failed("there is no question on this page") }
            course.record(question, in: lesson) { if !$0.solved { $0.revealed = true } }
            session.render(
                markdown: course.fill(
                    question.explanation ?? "Question '\(question.id)' has no explanation.", in: lesson))
            session.saveProgress()
        })
}
