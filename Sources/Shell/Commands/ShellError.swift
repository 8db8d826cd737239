/// Why a command did not do what was asked. The text alone must tell the learner what to do.
enum ShellError: Error, Equatable, Sendable {
    /// The arguments were wrong; the session prints the message and then the command's usage line.
    case usage(String)
    /// The command ran and failed (a wrong answer is not a failure; a missing file is).
    case failed(String)

    var message: String {
        switch self {
        case .usage(let message), .failed(let message): message
        }
    }
}
