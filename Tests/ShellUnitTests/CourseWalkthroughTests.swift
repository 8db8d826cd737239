import Course
import Foundation
import Testing

@testable import Shell

/// A first-time learner goes through every shipped lesson in the shell, answers every question right (each
/// prediction before its lab) and runs and checks every lab.
@Suite struct CourseWalkthroughTests {
    /// The shipped lessons, `Lessons/` at the package root.
    static let lessons = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Lessons").path

    @Test func everyQuestionOfEveryLessonCanBeAnsweredFromTheShell() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("walk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let output = CapturedOutput()
        let session = ShellSession(output: output, home: ShellHome(path: home.path))
        let course = CourseState(
            catalog: CourseCatalog.load(folder: Self.lessons), store: ProgressStore(home: home.path),
            learner: "first-timer", seed: nil)
        session.course = course
        var answered = 0
        var checked = 0
        for lesson in course.catalog.lessons {
            session.execute("open \(lesson.id)")
            for page in lesson.pages.indices {
                if page > 0 { session.execute("next") }
                for question in lesson.pages[page].questions {
                    let typed = try #require(rightAnswer(question, lesson, course), "\(lesson.id)/\(question.id)")
                    session.execute("answer \(question.id) \(typed)")
                    #expect(
                        course.progress.question(lesson.id, question.id).solved, "\(lesson.id)/\(question.id): \(typed)"
                    )
                    answered += 1
                }
                for case .lab(let lab) in lesson.pages[page].blocks {
                    // The learner's own run: the scenario (in its mode), the steps with the author's sample
                    // values in the blanks, then the check, which the progress then remembers.
                    session.execute("lab \(lab.scenario)\(lab.mode.map { " " + $0 } ?? "")")
                    for step in lab.sampleSteps { session.execute(step) }
                    session.execute("lab check \(lab.id)")
                    #expect(
                        course.progress.lessons[lesson.id]?.labs.contains(lab.id) == true, "\(lesson.id)/\(lab.id)")
                    checked += 1
                }
            }
        }
        #expect(checked == course.catalog.lessons.reduce(0) { $0 + $1.labIDs.count })
        let lessons = course.catalog.lessons
        let labs = lessons.flatMap { $0.pages.flatMap(\.blocks) }.compactMap { block -> LabBlock? in
            if case .lab(let lab) = block { return lab }
            return nil
        }
        for lesson in lessons {
            let asks = lesson.pages.flatMap(\.blocks).contains { block in
                if case .lab(let lab) = block { return lab.predict != nil }
                return false
            }
            #expect(asks, "\(lesson.id) has a lab that asks for a prediction first")
        }
        let worlds = Set(LabScenario.names + ProxyLabState.names)
        #expect(worlds.subtracting(labs.map(\.scenario)).isEmpty, "every lab world is used by a lesson")
        #expect(answered == course.catalog.lessons.reduce(0) { $0 + $1.questions.count })
        #expect(session.status == .success, "\(output.text.suffix(2_000))")
        session.execute("progress")
        #expect(
            output.text.contains("first-timer: \(answered) of \(answered) questions right, 0 explained, 0 to go.\n"))
        #expect(
            output.text.hasSuffix(
                "You are at 16-interview-questions \(course.catalog.lessons.last!.pages.count)/\(course.catalog.lessons.last!.pages.count).\n"
            ))
    }

    /// What a learner who knows the answer types, in the form the question shows.
    func rightAnswer(_ question: Question, _ lesson: Lesson, _ course: CourseState) -> String? {
        switch question.key {
        case .number, .expression:
            let checker = course.checker(for: lesson, question)
            return (try? checker.keyQuantity(question))?.map { $0.formatted(in: question.unit) }
        case .choice(let index):
            // Shown shuffled: the letter the right choice is shown under, for this learner.
            return shownLetter(index, question, lesson, course)
        case .multi(let indices):
            return indices.sorted().map { shownLetter($0, question, lesson, course) }.joined(separator: " ")
        case .text(let accept, _): return accept.first
        case .order:
            // Shown shuffled: the right answer lists, for each item in true order, the letter it is shown under.
            let shown = course.presented(question, in: lesson)
            return question.items.indices.map { item in String(UnicodeScalar(UInt8(97 + shown.firstIndex(of: item)!))) }
                .joined(separator: " ")
        case .hashed: return nil
        }
    }

    func shownLetter(_ authored: Int, _ question: Question, _ lesson: Lesson, _ course: CourseState) -> String {
        AnswerChecker.letter(course.choiceOrder(question, in: lesson).firstIndex(of: authored)!)
    }
}
