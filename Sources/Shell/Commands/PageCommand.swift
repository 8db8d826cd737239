extension ShellCommand {
    static let page = ShellCommand(
        name: "page", group: .course, summary: "Show this page again, or go to page N", usage: "page [N]",
        details: "With no argument, shows the current page again. With N, goes to page N of the open lesson.",
        run: { arguments, session throws(ShellError) in
            let (course, lesson) = try session.requireLesson()
            guard arguments.count <= 1 else { throw .usage("expected at most one page number") }
            if let text = arguments.first {
                guard let number = Int(text), (1...lesson.pages.count).contains(number) else {
                    throw .usage(
                        "'\(Sanitizer.clean(text))' is not a page of '\(lesson.id)'; it has pages 1 to \(lesson.pages.count)"
                    )
                }
                course.open(lesson, page: number - 1)
            }
            session.showPage()
        })
}
