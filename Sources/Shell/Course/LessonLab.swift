import Course

/// The open page's `lab` blocks, checked against the learner's own world by `lab check [ID]`.
enum LessonLab {
    static func check(_ session: ShellSession, id: String?) throws(ShellError) {
        let (course, lesson) = try session.requireLesson()
        let block = try chosen(id, session, course, lesson)
        if let predict = block.predict, let question = lesson.question(id: predict),
            !course.progress.question(lesson.id, predict).isDone
        {
            // The check prints the figures; asked after them, a prediction would predict nothing.
            throw .failed(
                "first predict: answer question '\(question.id)' (answer \(question.id) VALUE), then check the lab")
        }
        let mode = block.mode.map { " \($0)" } ?? ""
        let steps = block.steps.joined(separator: ", ")
        guard let lab = session.lab, (lab.proxy?.name ?? lab.scenario.name) == block.scenario,
            block.mode == nil || lab.proxy?.mode.rawValue == block.mode
        else {
            throw .failed("start the lab first: lab \(block.scenario)\(mode), then \(steps)")
        }
        let results = LabBlockRunner.check(block, against: lab)
        for result in results {
            session.say((result.holds ? session.style.green("✓ ") : session.style.red("✗ ")) + result.text)
        }
        guard results.allSatisfy(\.holds) else {
            throw .failed("not yet: run \(steps) in a fresh 'lab \(block.scenario)\(mode)' and check again")
        }
        course.recordLab(block.id, in: lesson)
        session.saveProgress()
        session.render(markdown: "**Observed.** " + course.fill(block.observe ?? "", in: lesson))
        if let predict = block.predict {
            let first = course.progress.question(lesson.id, predict).firstAnswer
            session.say(
                "You predicted: " + (first.map { Sanitizer.clean($0) } ?? "(no answer recorded)")
                    + " (your first answer to '\(predict)').")
        }
        if let explain = block.explain { session.render(markdown: course.fill(explain, in: lesson)) }
    }

    /// The prediction the open page asks for before its lab in `scenario`, while it is unanswered: the
    /// scenario's demonstration would show the figure the learner is about to predict.
    static func unansweredPrediction(for scenario: String, _ session: ShellSession) -> String? {
        guard let course = session.course, let lesson = course.lesson else { return nil }
        for case .lab(let lab) in lesson.pages[course.page].blocks where lab.scenario == scenario {
            if let predict = lab.predict, lesson.question(id: predict) != nil,
                !course.progress.question(lesson.id, predict).isDone
            {
                return predict
            }
        }
        return nil
    }

    /// The lab `id` names, or the page's lab that runs in the learner's world (the first not yet passed).
    private static func chosen(_ id: String?, _ session: ShellSession, _ course: CourseState, _ lesson: Lesson)
        throws(ShellError) -> LabBlock
    {
        let labs = lesson.pages[course.page].blocks.compactMap { block -> LabBlock? in
            if case .lab(let lab) = block { return lab }
            return nil
        }
        guard !labs.isEmpty else { throw .failed("this page of '\(lesson.id)' has no lab") }
        if let id {
            guard let named = labs.first(where: { $0.id == id }) else {
                throw .usage(
                    "no lab '\(Sanitizer.clean(id))' on this page; its labs: \(labs.map(\.id).joined(separator: ", "))")
            }
            return named
        }
        let running = session.lab.map { $0.proxy?.name ?? $0.scenario.name }
        let passed = course.progress.lessons[lesson.id]?.labs ?? []
        let here = labs.filter { $0.scenario == running }
        return here.first { !passed.contains($0.id) } ?? here.first ?? labs[0]
    }
}
