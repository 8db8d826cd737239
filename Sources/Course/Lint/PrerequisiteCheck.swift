/// Prerequisites must name real lessons and must not loop.
struct PrerequisiteCheck {
    let lessons: [Lesson]
    /// Ids of the other lessons of the course, when only some of its files are linted.
    var course: Set<String> = []

    func diagnostics() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let byID = Dictionary(lessons.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for lesson in lessons {
            for required in lesson.requires where byID[required] == nil && !course.contains(required) {
                diagnostics.append(
                    Diagnostic(
                        file: lesson.file, line: lesson.lines["requires"] ?? 1, code: "requires-unknown",
                        message: "requires unknown lesson '\(required)'"))
            }
        }
        // Depth-first search with a stack of its own (a chain of thousands of lessons must not overflow the
        // thread's); each cycle is reported once, at the lesson where it was found to close.
        var state: [String: Int] = [:]  // 1: on the current path, 2: done
        var path: [String] = []
        var reported: Set<Set<String>> = []
        for lesson in lessons where state[lesson.id] == nil {
            var stack: [(id: String, next: Int)] = [(lesson.id, 0)]
            state[lesson.id] = 1
            path.append(lesson.id)
            while let top = stack.last {
                let requires = byID[top.id]?.requires ?? []
                guard top.next < requires.count else {
                    stack.removeLast()
                    path.removeLast()
                    state[top.id] = 2
                    continue
                }
                stack[stack.count - 1].next += 1
                let next = requires[top.next]
                guard byID[next] != nil else { continue }
                if state[next] == 1 {
                    let cycle = Array(path[path.firstIndex(of: next)!...]) + [next]
                    if reported.insert(Set(cycle)).inserted, let from = byID[top.id] {
                        diagnostics.append(
                            Diagnostic(
                                file: from.file, line: from.lines["requires"] ?? 1, code: "requires-cycle",
                                message: "prerequisite cycle: \(cycle.joined(separator: " → "))"))
                    }
                } else if state[next] == nil {
                    state[next] = 1
                    path.append(next)
                    stack.append((next, 0))
                }
            }
        }
        return diagnostics
    }
}
