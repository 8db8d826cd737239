/// Something wrong with a lab block that only running it in the world shows, at the line to fix.
public struct LabProblem: Sendable, Equatable {
    public let line: Int
    public let message: String
    /// A stable rule name, as in `Diagnostic.code`.
    public let code: String
    public let severity: Diagnostic.Severity

    public init(line: Int, message: String, code: String, severity: Diagnostic.Severity = .error) {
        self.line = line
        self.message = message
        self.code = code
        self.severity = severity
    }
}
