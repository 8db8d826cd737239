import Course
import Foundation
import Testing

/// One deliberate instructor mistake made in the guide's lesson (`Tests/Fixtures/Lint/guide-lesson.md`):
/// `replace` becomes `with`, and lint must then say exactly one thing, on the line that starts with `at`.
struct LintMistake: CustomTestStringConvertible, Sendable {
    let name: String
    let replace: String
    let with: String
    /// Text in the broken lesson whose first line is the line the diagnostic points at.
    let at: String
    let code: String
    /// A part of the message that says what is wrong, specifically.
    let says: String
    var column: Int?
    var severity = "error"

    var testDescription: String { name }

    static let fixture = PoolschoolProcess.packageRoot.appendingPathComponent("Tests/Fixtures/Lint/guide-lesson.md")

    /// The broken lesson, or nil if `replace` does not occur exactly once in the guide's.
    func apply(to lesson: String) -> String? {
        guard lesson.components(separatedBy: replace).count == 2 else { return nil }
        return lesson.replacingOccurrences(of: replace, with: with)
    }

    /// The 1-based line `at` starts on in `text`.
    func line(in text: String) -> Int? {
        text.range(of: at).map { text[..<$0.lowerBound].count { $0 == "\n" } + 1 }
    }

    /// A hidden key as an instructor who skipped the normalisation would have stored it.
    static func rawHash(_ salt: String, _ text: String) -> String {
        AnswerHash.hex(salt: salt, normalisedAnswer: text)
    }
}
