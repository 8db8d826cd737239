/// What reading one line produced.
enum LineInput: Equatable, Sendable {
    case line(String)
    /// Ctrl-C at the prompt: the line being typed is dropped, the shell goes on.
    case cancelled
    /// Ctrl-D on an empty line, or the end of piped input or of a file.
    case end
}

/// A source of command lines: the libedit editor on a terminal, plain lines otherwise.
protocol LineReader: AnyObject {
    /// Reads one line. `prompt` is shown only by readers that talk to a person; `remember` false keeps the
    /// line out of the history (a sub-prompt's keys are not commands worth recalling).
    func read(prompt: String, remember: Bool) -> LineInput
    /// Where the line just read came from, for error messages (`session.txt:3`), if anywhere.
    var location: String? { get }
}

extension LineReader {
    /// Reads one line and, where the reader keeps a history, remembers it.
    func read(prompt: String) -> LineInput { read(prompt: prompt, remember: true) }
}

/// Plain lines from standard input, for pipes and redirected files: no prompt, no editing.
final class PlainLineReader: LineReader {
    init() {}

    func read(prompt: String, remember: Bool) -> LineInput {
        guard let line = readLine(strippingNewline: true) else { return .end }
        return .line(line)
    }

    var location: String? { nil }
}

/// The lines of a script (`poolschool run FILE`), numbered so errors can point at them.
final class ScriptLineReader: LineReader {
    private let name: String
    private let lines: [String]
    private var next = 0

    init(name: String, text: String) {
        self.name = name
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.hasSuffix("\r") ? String($0.dropLast()) : String($0)
        }
        if lines.last == "" { lines.removeLast() }
        self.lines = lines
    }

    func read(prompt: String, remember: Bool) -> LineInput {
        guard next < lines.count else { return .end }
        next += 1
        return .line(lines[next - 1])
    }

    var location: String? { next == 0 ? nil : "\(name):\(next)" }
}
