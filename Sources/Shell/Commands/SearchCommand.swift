import Course

extension ShellCommand {
    static let search = ShellCommand(
        name: "search", group: .course, summary: "Find lessons that mention TEXT", usage: "search TEXT",
        details: "Searches every lesson's text, ignoring case, and lists the pages that mention it.",
        run: { arguments, session throws(ShellError) in
            guard !arguments.isEmpty else { throw .usage("expected the text to search for") }
            let course = try session.requireCourse()
            let needle = arguments.joined(separator: " ").lowercased()
            // Matching costs the text's length times the needle's: a short needle keeps it quick.
            guard needle.count <= 100 else {
                throw .usage("search for at most 100 characters, got \(needle.count)")
            }
            var hits: [String] = []
            for lesson in course.catalog.lessons {
                for (index, page) in lesson.pages.enumerated() {
                    let text = page.blocks.map { block -> String in
                        switch block {
                        case .prose(let prose): return prose
                        case .question(let question):
                            return question.prompt + " " + question.choices.joined(separator: " ")
                        default: return ""
                        }
                    }.joined(separator: " ")
                    if lesson.title.lowercased().contains(needle) || text.lowercased().contains(needle) {
                        hits.append("- `page \(index + 1)` of `\(lesson.id)`: \(lesson.title)")
                    }
                }
            }
            guard !hits.isEmpty else { throw .failed("no lesson mentions '\(Sanitizer.clean(needle))'") }
            session.render(markdown: hits.joined(separator: "\n"))
        })
}
