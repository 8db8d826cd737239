import Foundation

/// One problem in a lesson file, as `file:line: message`: the text alone says what to fix.
///
/// An error makes `poolschool lint` fail; a warning is printed as `file:line: warning: message` and
/// does not. `code` is a stable rule name (`unknown-key`, `lab-never-fails`) that editors and CI can
/// match on while the wording of `message` improves.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible, Comparable {
    public enum Severity: String, Sendable, Comparable {
        case error, warning

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs == .error && rhs == .warning
        }
    }

    public let file: String
    public let line: Int
    /// 1-based column of what is wrong, when it is narrower than the line.
    public let column: Int?
    public let severity: Severity
    public let code: String
    public let message: String

    public init(
        file: String, line: Int, column: Int? = nil, severity: Severity = .error, code: String = "lesson",
        message: String
    ) {
        self.file = file
        self.line = line
        self.column = column
        self.severity = severity
        self.code = code
        self.message = Diagnostic.oneLine(message)
    }

    init(file: String, _ error: LineError) {
        self.init(
            file: file, line: error.line, column: error.column, severity: error.severity, code: error.code,
            message: error.message)
    }

    /// Folds a message onto one line, so every diagnostic is one `file:line: message` line whatever
    /// the text it quotes (YAML errors, lesson text) contains.
    static func oneLine(_ message: String) -> String {
        guard message.contains(where: \.isNewline) else { return message }
        return message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    public var isError: Bool { severity == .error }

    public var description: String {
        "\(file):\(line): " + (severity == .warning ? "warning: " : "") + message
    }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.column ?? 0, lhs.message) < (rhs.file, rhs.line, rhs.column ?? 0, rhs.message)
    }
}
