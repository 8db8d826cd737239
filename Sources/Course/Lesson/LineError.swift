/// A problem found inside a lesson, before it knows its file: where, how bad, which rule, and what to do.
struct LineError: Error {
    let line: Int
    let message: String
    var code: String = "lesson"
    var column: Int?
    var severity: Diagnostic.Severity = .error

    init(
        line: Int, message: String, code: String = "lesson", column: Int? = nil, severity: Diagnostic.Severity = .error
    ) {
        self.line = line
        self.message = message
        self.code = code
        self.column = column
        self.severity = severity
    }
}
