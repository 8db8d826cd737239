extension ShellCommand {
    static let resetProgress = ShellCommand(
        name: "reset-progress", group: .course, summary: "Forget all progress (asks first)", usage: "reset-progress",
        details: "Forgets every answer, hint and page seen, after you confirm with `y`. Anything else keeps it.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            let course = try session.requireCourse()
            session.say("This forgets all progress of \(course.progress.learner).")
            session.pendingConfirmation = (
                "Forget it?",
                {
                    course.resetProgress()
                    session.saveProgress()
                    session.say("Progress forgotten.")
                }
            )
        })
}
