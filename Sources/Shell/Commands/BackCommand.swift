extension ShellCommand {
    static let back = ShellCommand(
        name: "back", group: .course, summary: "Go to the previous page", usage: "back",
        details: "Shows the previous page of the open lesson.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            let (course, lesson) = try session.requireLesson()
            guard course.page > 0 else { throw .failed("this is the first page of '\(lesson.id)'") }
            course.open(lesson, page: course.page - 1)
            session.showPage()
        })
}
