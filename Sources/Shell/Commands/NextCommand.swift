extension ShellCommand {
    static let next = ShellCommand(
        name: "next", group: .course, summary: "Go to the next page", usage: "next",
        details: "Shows the next page of the open lesson.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            let (course, lesson) = try session.requireLesson()
            guard course.page + 1 < lesson.pages.count else {
                throw .failed("this is the last page of '\(lesson.id)'; 'lessons' to choose the next lesson")
            }
            course.open(lesson, page: course.page + 1)
            session.showPage()
        })
}
