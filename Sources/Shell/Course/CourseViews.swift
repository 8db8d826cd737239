import Course

/// The course's screens as Markdown, shared by the shell and `poolschool lessons`.
enum CourseViews {
    /// The lesson list with each lesson's progress.
    static func lessonList(_ course: CourseState) -> String {
        guard !course.catalog.lessons.isEmpty else {
            return "No lessons in `\(course.catalog.folder)`. Add `NN-slug.md` files (see Lessons/README.md)."
        }
        var rows = ["| | lesson | title | questions | min |", "|---|---|---|---:|---:|"]
        for lesson in course.catalog.lessons {
            let record = course.progress.lessons[lesson.id]
            let done = lesson.questions.filter { record?.questions[$0.id]?.isDone == true }.count
            let mark =
                done == lesson.questions.count && record != nil ? "✓" : (record == nil ? "·" : "…")
            let here = course.lesson?.id == lesson.id ? " ◂" : ""
            rows.append(
                "| \(mark) | \(lesson.id)\(here) | \(escape(lesson.title)) | \(done)/\(lesson.questions.count) | \(lesson.minutes.map(String.init) ?? "") |"
            )
        }
        return rows.joined(separator: "\n") + "\n\n✓ done, … started, · not started. `open ID` to start one."
    }

    /// One page: its prose with the learner's numbers, and its questions.
    /// `exercises`: the catalog's, so the lesson's last page can name the exercise that goes with it.
    static func page(_ course: CourseState, exercises: [ExerciseEntry] = []) -> String {
        guard let lesson = course.lesson else { return "No lesson is open. `lessons` lists them; `open ID` opens one." }
        let values = course.values(for: lesson)
        let units = course.units(for: lesson)
        var parts = ["**\(escape(lesson.title))** — page \(course.page + 1) of \(lesson.pages.count)"]
        for block in lesson.pages[course.page].blocks {
            switch block {
            case .prose(let text):
                parts.append(Placeholders.fill(text, values: values, units: units))
            case .question(let question):
                parts.append(self.question(question, lesson: lesson, course: course))
            case .params:
                continue
            case .lab(let lab):
                parts.append(labLine(lab, labsOnPage: lesson.pages[course.page].blocks.count { $0.isLab }))
            }
        }
        let last = course.page + 1 == lesson.pages.count
        if last {
            for exercise in exercises where exercise.lesson == lesson.id {
                parts.append(
                    "**Exercise for this lesson:** \(exercise.title). Edit `\(exercise.file)` (delete its "
                        + "`Unattempted` line to start), then `check \(exercise.name)`; `hint \(exercise.name)` helps.")
            }
            parts.append("*End of the lesson.* " + whatNext(course, after: lesson))
        } else {
            parts.append("*`next` for the next page.*")
        }
        return parts.joined(separator: "\n\n")
    }

    /// What the page says about a lab: the prediction first if it asks for one, the steps (blanks are the
    /// learner's to fill), and how to check; never the expectations, which would give the prediction away.
    static func labLine(_ lab: LabBlock, labsOnPage: Int) -> String {
        let steps = lab.steps.map { "`\($0)`" }.joined(separator: ", ")
        let blanks = Array(Set(lab.steps.flatMap(LabBlanks.names(in:)))).sorted()
        let choose =
            blanks.isEmpty ? "" : " (choose " + blanks.map { "`<\($0)>`" }.joined(separator: " and ") + " yourself)"
        let first = lab.predict.map { "first answer question `\($0)`, your prediction; then " } ?? ""
        let check = labsOnPage > 1 ? "`lab check \(lab.id)`" : "`lab check`"
        return "**Lab `\(lab.id)`:** \(first)start it with `lab \(lab.scenario)\(lab.mode.map { " " + $0 } ?? "")`, "
            + "then type \(steps)\(choose), and \(check) to see whether you observed what it expects."
    }

    /// The lesson after `lesson` in course order, if any.
    static func lesson(after lesson: Lesson, in course: CourseState) -> Lesson? {
        let lessons = course.catalog.lessons
        return lessons.firstIndex { $0.id == lesson.id }.flatMap { $0 + 1 < lessons.count ? lessons[$0 + 1] : nil }
    }

    /// "`next` opens 02-connection-cost: …", or the course's end.
    static func whatNext(_ course: CourseState, after lesson: Lesson) -> String {
        guard let following = self.lesson(after: lesson, in: course) else {
            return "That was the last lesson; `progress` shows what is left."
        }
        return "`next` opens \(following.id): \(escape(following.title))."
    }

    static func question(_ question: Question, lesson: Lesson, course: CourseState) -> String {
        let values = course.values(for: lesson)
        let record = course.progress.question(lesson.id, question.id)
        var text =
            "**Question `\(question.id)`**" + (record.solved ? " ✓" : record.revealed ? " (explained)" : "")
            + (record.changedSinceAnswered ? " (changed since you answered it: please answer it again)" : "") + "\n\n"
            + Placeholders.fill(question.prompt, values: values, units: course.units(for: lesson))
        switch question.kind {
        case .numeric:
            let unit = question.unit.symbol.isEmpty ? "" : " in \(question.unit.symbol)"
            text += "\n\n*Answer with a number\(unit).*"
        case .choice, .multi:
            text +=
                "\n\n"
                + course.choiceOrder(question, in: lesson).enumerated().map {
                    "\(AnswerChecker.letter($0.offset))) \(escape(question.choices[$0.element]))"
                }
                .joined(separator: "  \n")
            text +=
                question.kind == .multi
                ? "\n\n*Answer with every letter that applies, e.g. `a c`.*" : "\n\n*Answer with a letter.*"
        case .text:
            text += "\n\n*Answer in a word or a few.*"
        case .order:
            let shown = course.presented(question, in: lesson)
            text +=
                "\n\n"
                + shown.enumerated().map { "\(AnswerChecker.letter($0.offset))) \(escape(question.items[$0.element]))" }
                .joined(separator: "  \n")
            text += "\n\n*Answer with the letters in the right order, e.g. `c a b`.*"
        }
        return text
    }

    /// Lesson text is Markdown already; titles and choices put into tables must not break them.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|")
    }
}
