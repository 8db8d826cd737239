import Course

extension ShellCommand {
    static let answer = ShellCommand(
        name: "answer", group: .course, summary: "Answer the question on screen, or question QID",
        usage: "answer [QID] VALUE",
        details: """
            Grades your answer at once. Numbers may carry units (`18 ms`, `75%`, `1,200`); choices are answered \
            by letter or text. A wrong answer shows the next hint; after three misses the explanation is shown.

            You can also just type the answer: a line that is not a command answers the question on screen.
            """,
        complete: completeQuestionIDs,
        run: { arguments, session throws(ShellError) in
            let (course, lesson) = try session.requireLesson()
            guard !arguments.isEmpty else { throw .usage("expected an answer") }
            var words = arguments
            let question: Question
            if words.count > 1, let named = lesson.question(id: words[0]) {
                question = named
                words.removeFirst()
            } else if let current = course.currentQuestion {
                question = current
            } else {
                throw .failed("there is no open question on this page; name one: answer QID VALUE")
            }
            AnswerFlow(session: session, course: course, lesson: lesson, question: question)
                .grade(words.joined(separator: " "))
        })
}

/// What happens after an answer: the verdict, then a hint, the explanation, or the way on.
struct AnswerFlow {
    let session: ShellSession
    let course: CourseState
    let lesson: Lesson
    let question: Question

    static let missesBeforeExplaining = 3

    func grade(_ input: String) {
        let verdict = course.checker(for: lesson, question).check(input, for: question)
        let before = course.progress.question(lesson.id, question.id)
        course.justFinished = nil
        if before.firstAnswer == nil, before.attempts == 0, verdict.costsATry {
            // A lab shows the first try beside its result, so the prediction is what was typed before knowing.
            course.record(question, in: lesson) { $0.firstAnswer = String(input.prefix(200)) }
        }
        switch verdict {
        case .correct where before.revealed && !before.solved:
            // Typing the answer after reading it proves nothing: it stays explained.
            course.record(question, in: lesson) { $0.attempts += 1 }
            session.say(
                session.style.green("✓ Right")
                    + ", but you had seen the explanation already, so '\(question.id)' stays counted as explained.")
        case .correct:
            course.record(question, in: lesson) {
                $0.attempts += 1
                $0.solved = true
            }
            course.justFinished = question
            session.say(session.style.green("✓ Right."))
            if let explanation = question.explanation { session.render(markdown: course.fill(explanation, in: lesson)) }
            sayWhatNext()
        case .unreadable(let message):
            session.say("\(message) (this did not count as a try).")
        case .unitSlip(let message):
            session.say(session.style.red("✗ ") + "\(message) (this did not count as a try).")
        case .close(let message), .wrong(let message):
            course.record(question, in: lesson) { $0.attempts += 1 }
            let misses = course.progress.question(lesson.id, question.id).attempts
            let lead =
                isClose(verdict) ? "✗ Not quite: \(message)." : "✗ Not right\(message.isEmpty ? "." : ": \(message).")"
            session.say(session.style.red(lead))
            if misses >= Self.missesBeforeExplaining, !before.solved {
                course.record(question, in: lesson) { $0.revealed = true }
                course.justFinished = question
                session.say("That is \(misses) tries; here is the explanation.")
                session.render(
                    markdown: course.fill(question.explanation ?? "(This question has no explanation.)", in: lesson))
                sayWhatNext()
            } else if before.hintsShown < question.hints.count {
                course.record(question, in: lesson) { $0.hintsShown += 1 }
                session.render(
                    markdown: "**Hint \(before.hintsShown + 1):** "
                        + course.fill(question.hints[before.hintsShown], in: lesson))
            }
        }
        session.saveProgress()
    }

    private func isClose(_ verdict: Verdict) -> Bool {
        if case .close = verdict { return true }
        return false
    }

    private func sayWhatNext() {
        if let next = course.currentQuestion {
            session.say("Next question: \(next.id).")
        } else if course.page + 1 < lesson.pages.count {
            session.say("Type 'next' to go on.")
        } else {
            let following = CourseViews.lesson(after: lesson, in: course)
            session.say(
                "That is the end of '\(lesson.title)'. "
                    + (following.map { "'next' opens \($0.id)." } ?? "'progress' shows what is left."))
        }
    }
}
