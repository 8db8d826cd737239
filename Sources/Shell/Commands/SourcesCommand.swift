import Course

extension ShellCommand {
    static let sources = ShellCommand(
        name: "sources", group: .course, summary: "Show the documents the open lesson (or lesson ID) draws on",
        usage: "sources [LESSON]",
        details: """
            Each document the lesson cites, from the course's bibliography (`Lessons/SOURCES.md`): its title, \
            what it covers and the other lessons that draw on it.
            """,
        complete: { request, session in request.argumentIndex == 0 ? session.lessonIDs : [] },
        run: { arguments, session throws(ShellError) in
            guard arguments.count <= 1 else { throw .usage("expected at most a lesson id") }
            let course = try session.requireCourse()
            let lesson: Lesson
            if let id = arguments.first {
                guard let named = course.catalog.lesson(id: id) else {
                    throw .failed(
                        "no lesson '\(Sanitizer.clean(id))'\(EditDistanceHint.suggestion(id, session.lessonIDs)); 'lessons' lists them"
                    )
                }
                lesson = named
            } else {
                lesson = try session.requireLesson().1
            }
            session.render(markdown: SourcesView.text(lesson, course.catalog.sources))
        })
}

/// A lesson's sources as the learner reads them.
enum SourcesView {
    static func text(_ lesson: Lesson, _ list: SourceList?) -> String {
        var parts = ["**Sources of \(lesson.id)**"]
        for key in lesson.sources {
            guard let entry = list?.entry(key) else {
                parts.append("- `\(key)` (not described in \(SourceList.fileName))")
                continue
            }
            var text = "- `\(key)`: " + (entry.field("Title") ?? "")
            if let covers = entry.field("Covers") { text += ". " + covers }
            if let lessons = entry.field("Lessons") { text += " *Lessons: \(lessons).*" }
            parts.append(text)
        }
        return parts.joined(separator: "\n")
    }
}
