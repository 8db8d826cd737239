extension ShellCommand {
    static let progress = ShellCommand(
        name: "progress", group: .course, summary: "Show what you have done and what is left", usage: "progress",
        details:
            "Totals across the course: questions answered right, explained, and still open; exercises passed and started.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            let course = try session.requireCourse()
            let questions = course.catalog.lessons.flatMap { lesson in lesson.questions.map { (lesson.id, $0.id) } }
            let records = questions.map { course.progress.question($0.0, $0.1) }
            let solved = records.filter(\.solved).count
            let explained = records.filter { $0.revealed && !$0.solved }.count
            session.say(
                "\(course.progress.learner): \(solved) of \(questions.count) questions right, \(explained) explained, "
                    + "\(questions.count - solved - explained) to go.")
            let labs = course.catalog.lessons.flatMap { lesson in lesson.labIDs.map { (lesson.id, $0) } }
            if !labs.isEmpty {
                let passed = labs.filter { course.progress.lessons[$0.0]?.labs.contains($0.1) == true }.count
                session.say("Labs: \(passed) of \(labs.count) checked.")
            }
            let workspace = session.exerciseWorkspace
            if !workspace.exercises.isEmpty {
                session.say("Exercises: " + workspace.summary(ExerciseProgress.load(from: session.home)) + ".")
            }
            if let location = course.location { session.say("You are at \(location).") }
        })
}
