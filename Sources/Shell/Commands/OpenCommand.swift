extension ShellCommand {
    static let open = ShellCommand(
        name: "open", group: .course, summary: "Open a lesson at its first page", usage: "open ID",
        details: "Opens the lesson with this id (see `lessons`) at its first page.",
        complete: { request, session in request.argumentIndex == 0 ? session.lessonIDs : [] },
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1 else {
                throw .usage("expected one lesson id, e.g. open \(session.lessonIDs.first ?? "01-why-pool")")
            }
            let course = try session.requireCourse()
            guard let lesson = course.catalog.lesson(id: arguments[0]) else {
                let hint = EditDistanceHint.suggestion(arguments[0], session.lessonIDs)
                throw .failed("no lesson '\(Sanitizer.clean(arguments[0]))'\(hint); 'lessons' lists them")
            }
            course.open(lesson)
            session.showPage()
        })
}
