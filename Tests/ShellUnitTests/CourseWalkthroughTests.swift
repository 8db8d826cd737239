import Course
import Foundation
import Testing

@testable import Shell

/// A first-time learner goes through every shipped lesson in the shell and answers every question right.
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
            }
        }
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
