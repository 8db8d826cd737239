import Course
import Foundation

/// What `poolschool lint` found, as lines for a person or one JSON document for an editor or CI
/// (the schema is in Lessons/README.md, "Lint").
struct LintReport {
    let diagnostics: [Diagnostic]
    let files: Int
    let questions: Int

    var errors: Int { diagnostics.count { $0.isError } }
    var warnings: Int { diagnostics.count - errors }

    var summary: String {
        "\(files) lesson file(s), \(questions) question(s), \(errors) problem(s)"
            + (warnings > 0 ? ", \(warnings) warning(s)" : "")
    }

    private struct Document: Encodable {
        let version = 1
        let files: Int
        let questions: Int
        let errors: Int
        let warnings: Int
        let diagnostics: [Entry]
    }

    private struct Entry: Encodable {
        let file: String
        let line: Int
        let column: Int
        let severity: String
        let code: String
        let message: String
    }

    func json() -> String {
        let document = Document(
            files: files, questions: questions, errors: errors, warnings: warnings,
            diagnostics: diagnostics.map {
                Entry(
                    file: $0.file, line: $0.line, column: $0.column ?? 1, severity: $0.severity.rawValue, code: $0.code,
                    message: $0.message)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding plain strings and numbers cannot fail.
        return String(decoding: (try? encoder.encode(document)) ?? Data("{}".utf8), as: UTF8.self)
    }
}
