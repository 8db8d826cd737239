import Course

extension ShellCommand {
    static let next = ShellCommand(
        name: "next", group: .course, summary: "Go to the next page (or lesson)", usage: "next",
        details: """
            Shows the next page of the open lesson; at its end, opens the next lesson. With no lesson open, \
            starts where you left off, or the first lesson.
            """,
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            let course = try session.requireCourse()
            guard let lesson = course.lesson else {
                // A new learner's first word: the first lesson not finished yet.
                let lessons = course.catalog.lessons
                guard let first = lessons.first(where: { !isFinished($0, course) }) ?? lessons.first else {
                    throw .failed("there are no lessons in \(course.catalog.folder)")
                }
                course.open(first)
                session.showPage()
                return
            }
            guard course.page + 1 < lesson.pages.count else {
                guard let following = CourseViews.lesson(after: lesson, in: course) else {
                    throw .failed("'\(lesson.id)' is the last lesson; 'progress' shows what is left")
                }
                course.open(following)
                session.showPage()
                return
            }
            course.open(lesson, page: course.page + 1)
            session.showPage()
        })

    private static func isFinished(_ lesson: Lesson, _ course: CourseState) -> Bool {
        lesson.questions.allSatisfy { course.progress.question(lesson.id, $0.id).isDone }
            && course.progress.lessons[lesson.id] != nil
    }
}
