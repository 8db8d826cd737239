import Course

/// A lesson as one learner sees it, with what only the instructor sees: every key in that learner's numbers
/// (or, for a hidden key, whether a given answer matches), the hints and explanations, and each lab run.
struct LessonPreview {
    let lesson: Lesson
    /// A course state for the one learner, never saved: it draws their params and their choice orders.
    let course: CourseState
    /// `--answer QID=TEXT`: answers to try on questions, by question id.
    let answers: [String: String]

    /// What went wrong: a lab step that failed, a lab check that does not hold, a tried answer that is wrong.
    private(set) var failures: [String] = []

    init(lesson: Lesson, course: CourseState, answers: [String: String]) {
        self.lesson = lesson
        self.course = course
        self.answers = answers
    }

    /// The whole preview as Markdown: a header with the learner's params, then each page with its keys.
    /// `learner` is nil for a preview by `--seed`, which is no one's name.
    mutating func markdown(learner: String?) -> String {
        var parts = ["# Preview of `\(lesson.id)`" + (learner.map { " for '\($0)'" } ?? "") + " (seed \(course.seed))"]
        let values = course.values(for: lesson)
        if !values.isEmpty {
            parts.append(
                "**Params drawn for this learner:** "
                    + lesson.params.map { "\($0.name) = \(values[$0.name]?.formatted(in: $0.unit) ?? "?")" }
                    .joined(separator: ", "))
        }
        for index in lesson.pages.indices {
            course.open(lesson, page: index)
            parts.append("***")
            parts.append(CourseViews.page(course))
            for question in lesson.pages[index].questions { parts.append(key(question)) }
            let labs = lesson.labs.filter { $0.page == index }
            for lab in labs { parts.append(self.lab(lab.id, lab.block)) }
        }
        return parts.joined(separator: "\n\n")
    }

    private mutating func key(_ question: Question) -> String {
        let checker = course.checker(for: lesson, question)
        var lines = ["**Key for `\(question.id)`** (version \(lesson.version(of: question))): " + keyText(question)]
        for (number, hint) in question.hints.enumerated() {
            lines.append("Hint \(number + 1): " + course.fill(hint, in: lesson))
        }
        lines.append("Explanation: " + (question.explanation.map { course.fill($0, in: lesson) } ?? "(none)"))
        if let tried = answers[question.id] {
            let verdict = checker.check(tried, for: question)
            if verdict == .correct {
                lines.append("`--answer \(question.id)=\(tried)`: ✓ matches the key")
                lines += giveaways(question, answer: tried)
            } else {
                failures.append("--answer \(question.id)=\(tried) does not match the key")
                lines.append("`--answer \(question.id)=\(tried)`: ✗ does not match (\(Self.describe(verdict)))")
            }
        }
        return lines.joined(separator: "  \n")
    }

    /// Hints and explanations are plain text: one that spells out a hidden answer gives it away.
    private func giveaways(_ question: Question, answer: String) -> [String] {
        guard case .hashed = question.key else { return [] }
        var said = answer.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        if question.kind == .choice, said.count == 1, let index = said.first.flatMap({ Int($0.asciiValue ?? 0) - 97 }),
            course.choiceOrder(question, in: lesson).indices.contains(index)
        {
            said = question.choices[course.choiceOrder(question, in: lesson)[index]].lowercased()
        }
        guard said.count >= 2 else { return [] }
        let texts =
            question.hints.enumerated().map { ("hint \($0.offset + 1)", $0.element) }
            + (question.explanation.map { [("the explanation", $0)] } ?? [])
        return texts.compactMap { name, text in
            course.fill(text, in: lesson).lowercased().contains(said)
                ? "⚠ \(name) contains '\(said)', the hidden answer: hints are shown as written" : nil
        }
    }

    /// The key as this learner must type it: letters as they see the choices, numbers in their params.
    private func keyText(_ question: Question) -> String {
        let shownAt = { (authored: Int) -> String in
            let order = course.choiceOrder(question, in: lesson)
            return AnswerChecker.letter(order.firstIndex(of: authored) ?? authored)
        }
        switch question.key {
        case .number, .expression:
            do {
                guard let key = try course.checker(for: lesson, question).keyQuantity(question) else { return "?" }
                var text =
                    key.formatted(in: question.unit)
                    + " (tolerance \(Self.describe(question.tolerance, unit: question.unit)))"
                if case .expression(_, let source) = question.key { text += ", from `\(source)`" }
                return text
            } catch {
                return "undefined for this learner: \(error.message)"
            }
        case .choice(let index):
            return "\(shownAt(index))) \(question.choices[index])"
        case .multi(let indices):
            return indices.map { (shownAt($0), question.choices[$0]) }.sorted { $0.0 < $1.0 }
                .map { "\($0.0)) \($0.1)" }.joined(separator: "; ")
        case .text(let accept, let patterns):
            return (accept.map { "\"\($0)\"" } + patterns.map { "/\($0)/" }).joined(separator: " or ")
        case .order:
            let shown = course.presented(question, in: lesson)
            let letters = question.items.indices.map { AnswerChecker.letter(shown.firstIndex(of: $0) ?? $0) }
            return "`\(letters.joined(separator: " "))` (" + question.items.joined(separator: ", ") + ")"
        case .hashed:
            return answers[question.id] == nil
                ? "hidden (a salted hash); try an answer with `--answer \(question.id)=TEXT`" : "hidden (a salted hash)"
        }
    }

    private mutating func lab(_ id: String, _ block: LabBlock) -> String {
        let mode = block.mode.map { " \($0)" } ?? ""
        var lines = ["**Lab `\(id)`** (`lab \(block.scenario)\(mode)`, then `lab check \(id)`; line \(block.line))"]
        if let predict = block.predict {
            lines.append("Asks for a prediction first: question `\(predict)`")
        }
        if !block.samples.isEmpty {
            lines.append(
                "Blanks filled with their samples: "
                    + block.samples.sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }.joined(separator: ", ")
            )
        }
        let run = LabBlockRunner.preview(block)
        if let problem = run.problem {
            failures.append("\(id): \(problem)")
            lines.append("✗ " + problem)
            return lines.joined(separator: "  \n")
        }
        for step in run.steps {
            if !step.succeeded { failures.append("\(id): step '\(step.command)' failed") }
            let said = step.output.split(separator: "\n").first.map { ": " + $0 } ?? ""
            lines.append((step.succeeded ? "▸ `" : "✗ `") + step.command + "`" + said)
        }
        for check in run.checks {
            if !check.holds { failures.append("\(id): expectation \(check.text) does not hold") }
            lines.append((check.holds ? "✓ " : "✗ ") + check.text)
        }
        if run.checks.isEmpty { lines.append("(no `expect` lines: `lab check` has nothing to check)") }
        if let explain = block.explain { lines.append("Explained after a pass: " + course.fill(explain, in: lesson)) }
        return lines.joined(separator: "  \n")
    }

    static func describe(_ tolerance: Tolerance, unit: Unit) -> String {
        switch tolerance {
        case .exact: return "exact"
        case .sensible: return "the key or it rounded to 2+ significant figures"
        case .absolute(let amount):
            return "±\(Quantity(amount, unit.dimension).formatted(in: unit)), or sensible rounding"
        case .relative(let fraction): return "±\(Quantity.format(fraction * 100))%, or sensible rounding"
        }
    }

    static func describe(_ verdict: Verdict) -> String {
        switch verdict {
        case .correct: return "right"
        case .close(let message): return "close: " + message
        case .wrong(let message): return message.isEmpty ? "wrong" : "wrong: " + message
        case .unreadable(let message): return "unreadable: " + message
        case .unitSlip(let message): return "unit slip: " + message
        }
    }
}
