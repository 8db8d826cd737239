extension ShellCommand {
    static let lessons = ShellCommand(
        name: "lessons", group: .course, summary: "List the lessons with your progress", usage: "lessons",
        details:
            "Lists every lesson in course order with how many of its questions you have done. `open ID` starts one.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            let course = try session.requireCourse()
            session.render(markdown: CourseViews.lessonList(course))
            let broken = course.catalog.diagnostics.count(where: \.isError)
            if broken > 0 { session.say("Note: \(broken) problem(s) in the lessons; 'poolschool lint' lists them.") }
        })
}
