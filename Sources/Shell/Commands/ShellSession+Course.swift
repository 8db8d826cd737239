import Course

extension ShellSession {
    /// The course, or a failure that says how to get one.
    func requireCourse() throws(ShellError) -> CourseState {
        guard let course else {
            throw .failed("no course is loaded; run poolschool from the project folder or name one with --lessons DIR")
        }
        return course
    }

    /// The open lesson, or a failure that says how to open one.
    func requireLesson() throws(ShellError) -> (CourseState, Lesson) {
        let course = try requireCourse()
        guard let lesson = course.lesson else {
            throw .failed("no lesson is open; 'lessons' lists them, 'open ID' opens one")
        }
        return (course, lesson)
    }

    /// Shows the current page and records it as seen.
    func showPage() {
        guard let course, let lesson = course.lesson else { return }
        course.open(lesson, page: course.page)
        render(markdown: CourseViews.page(course, exercises: exerciseWorkspace.catalog.exercises))
        saveProgress()
    }

    /// Saves, and says so if it could not: progress is never lost silently.
    func saveProgress() {
        if let problem = course?.save() { report(problem, status: .failure) }
    }

    /// Lesson ids, for completion.
    var lessonIDs: [String] {
        course?.catalog.lessons.map(\.id) ?? []
    }
}

extension ShellCommand {
    /// Completes the first argument with the open lesson's question ids.
    static let completeQuestionIDs: Completion = { request, session in
        request.argumentIndex == 0 ? (session.course?.lesson?.questions.map(\.id) ?? []) : []
    }
}
