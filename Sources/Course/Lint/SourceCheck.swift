/// Every document a lesson cites is in the course's `SOURCES.md`, so a learner or instructor can look it up.
/// A course without that file is not checked.
struct SourceCheck {
    let sources: SourceList?

    func diagnostics(_ lessons: [Lesson]) -> [Diagnostic] {
        guard let sources else { return [] }
        var diagnostics: [Diagnostic] = []
        for lesson in lessons {
            for cited in lesson.sources where sources.entry(cited) == nil {
                let guess = EditDistance.suggestion(for: cited, among: sources.keys).map { "; did you mean '\($0)'?" }
                diagnostics.append(
                    Diagnostic(
                        file: lesson.file, line: lesson.lines["sources"] ?? 1, code: "source",
                        message: "source '\(cited)' is not in \(SourceList.fileName)"
                            + (guess ?? " (its keys: \(sources.keys.joined(separator: ", ")))")))
            }
        }
        return diagnostics
    }
}
