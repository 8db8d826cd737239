import Course

/// The open page's `lab` block, checked against the learner's own world by `lab check`.
enum LessonLab {
    static func check(_ session: ShellSession) throws(ShellError) {
        let (course, lesson) = try session.requireLesson()
        let labs = lesson.pages[course.page].blocks.compactMap { block -> LabBlock? in
            if case .lab(let lab) = block { return lab }
            return nil
        }
        guard let block = labs.first else { throw .failed("this page of '\(lesson.id)' has no lab") }
        guard let lab = session.lab, (lab.proxy?.name ?? lab.scenario.name) == block.scenario else {
            throw .failed("start the lab first: lab \(block.scenario), then \(block.steps.joined(separator: ", "))")
        }
        let results = LabBlockRunner.check(block, against: lab)
        for result in results {
            session.say((result.holds ? session.style.green("✓ ") : session.style.red("✗ ")) + result.text)
        }
        if results.allSatisfy(\.holds) {
            session.render(markdown: "**Observed.** " + (block.observe ?? ""))
        } else {
            throw .failed(
                "not yet: run \(block.steps.joined(separator: ", ")) in a fresh 'lab \(block.scenario)' and check again"
            )
        }
    }
}
