/// Prerequisites must name real lessons and must not loop.
struct PrerequisiteCheck {
    let lessons: [Lesson]

    func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byID = Dictionary(lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for lesson in lessons {
            for required in lesson.requires where byID[required] == nil {
                diagnostics.append(
                    Diagnostic(
                        file: lesson.file, line: lesson.lines["requires"] ?? 1,
                        message: "requires unknown lesson '\(required)'"))
            }
        }
        // Depth-first search; each cycle is reported once, at the lesson where it was found to close.
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var path: [String] = []
        var reported: Set<Set<String>> = []
        func visit(_ id: String) {
            state[id] = 1
            path.append(id)
            for next in byID[id]?.requires ?? [] where byID[next] != nil {
                if state[next] == 1 {
                    let cycle = Array(path[path.firstIndex(of: next)!...]) + [next]
                    if reported.insert(Set(cycle)).inserted, let lesson = byID[id] {
                        diagnostics.append(
                            Diagnostic(
                                file: lesson.file, line: lesson.lines["requires"] ?? 1,
                                message: "prerequisite cycle: \(cycle.joined(separator: " → "))"))
                    }
                } else if state[next] == nil {
                    visit(next)
                }
            }
            path.removeLast()
            state[id] = 2
        }
        for lesson in lessons where state[lesson.id] == nil { visit(lesson.id) }
        return diagnostics
    }
}
