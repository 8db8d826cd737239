import Foundation

/// One problem in a lesson file, as `file:line: message`: the text alone says what to fix.
public struct Diagnostic: Error, Equatable, Sendable, CustomStringConvertible, Comparable {
    public let file: String
    public let line: Int
    public let message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = Diagnostic.oneLine(message)
    }

    /// Folds a message onto one line, so every diagnostic is one `file:line: message` line whatever
    /// the text it quotes (YAML errors, lesson text) contains.
    static func oneLine(_ message: String) -> String {
        guard message.contains(where: \.isNewline) else { return message }
        return message.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }.joined(separator: " ")
    }

    public var description: String { "\(file):\(line): \(message)" }

    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        (lhs.file, lhs.line, lhs.message) < (rhs.file, rhs.line, rhs.message)
    }
}
