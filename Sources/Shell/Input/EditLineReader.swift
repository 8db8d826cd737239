import CLibEdit
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// The terminal's line editor, on libedit's readline interface: editing, history kept in the
/// poolschool home, Tab completion, and Ctrl-C that drops the current line without leaving.
///
/// libedit calls back through C function pointers that cannot capture, so the little state they
/// need lives in `EditLineState`. There is one terminal and one reader per process.
final class EditLineReader: LineReader {
    private let historyFile: String?
    /// Repeating a command does not fill history with copies of it.
    private var lastRemembered: String?

    /// - Parameters:
    ///   - historyFile: where history is loaded from and saved to after each line; nil keeps none.
    ///   - complete: candidates for the word being typed, given the text before it and the word.
    init(historyFile: String?, complete: @escaping (_ before: String, _ word: String) -> [String]) {
        self.historyFile = historyFile
        EditLineState.complete = complete
        InterruptSignal.install()
        poolschool_rl_set_readline_name("poolschool")
        poolschool_rl_set_catch_signals(0)
        poolschool_rl_set_getc_function(EditLineState.getCharacter)
        poolschool_rl_set_attempted_completion(EditLineState.attemptCompletion)
        poolschool_rl_set_completion_append_character(Int32(UInt8(ascii: " ")))
        using_history()
        stifle_history(1000)
        if let historyFile, FileManager.default.fileExists(atPath: historyFile) {
            _ = read_history(historyFile)
        }
    }

    var location: String? { nil }

    func read(prompt: String, remember: Bool) -> LineInput {
        InterruptSignal.drain()
        EditLineState.cancelled = false
        guard let raw = readline(prompt) else {
            return EditLineState.cancelled ? .cancelled : .end
        }
        let line = String(cString: raw)
        free(raw)
        if remember { self.remember(line) }
        return .line(line)
    }

    private func remember(_ line: String) {
        let line = line.trimmingCharacters(in: .whitespaces)
        guard !line.isEmpty, line != lastRemembered else { return }
        lastRemembered = line
        add_history(line)
        if let historyFile { _ = write_history(historyFile) }
    }
}

/// What libedit's C callbacks share with the reader. Only the main thread touches it.
private enum EditLineState {
    nonisolated(unsafe) static var complete: (String, String) -> [String] = { _, _ in [] }
    nonisolated(unsafe) static var matches: [String] = []
    nonisolated(unsafe) static var cancelled = false

    /// Reads one character for libedit, waking early when Ctrl-C writes to the interrupt pipe.
    /// UTF-8 is decoded here because libedit takes the returned value as a whole character.
    static let getCharacter: @convention(c) (UnsafeMutablePointer<FILE>?) -> Int32 = { _ in
        var descriptors = [
            pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
            pollfd(fd: InterruptSignal.pipeEnds[0], events: Int16(POLLIN), revents: 0),
        ]
        while true {
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                return -1
            }
            if descriptors[1].revents & Int16(POLLIN) != 0, InterruptSignal.drain() {
                EditLineState.cancelled = true
                return -1
            }
            if descriptors[0].revents != 0 {
                return EditLineState.readUTF8Character()
            }
        }
    }

    private static func readByte() -> Int32 {
        var byte: UInt8 = 0
        while true {
            let count = Glibc.read(STDIN_FILENO, &byte, 1)
            if count == 1 { return Int32(byte) }
            if count < 0, errno == EINTR { continue }
            return -1
        }
    }

    private static func readUTF8Character() -> Int32 {
        let first = readByte()
        guard first >= 0x80 else { return first }
        let extra: Int32
        var value: Int32
        switch first {
        case 0xC0...0xDF: (extra, value) = (1, first & 0x1F)
        case 0xE0...0xEF: (extra, value) = (2, first & 0x0F)
        case 0xF0...0xF7: (extra, value) = (3, first & 0x07)
        default: return 0xFFFD
        }
        for _ in 0..<extra {
            let next = readByte()
            guard next >= 0x80, next < 0xC0 else { return 0xFFFD }
            value = (value << 6) | (next & 0x3F)
        }
        return value
    }

    static let attemptCompletion:
        @convention(c) (UnsafePointer<CChar>?, Int32, Int32) -> UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = {
            text, start, _ in
            // Never fall back to file names: only the shell's own words make sense here.
            poolschool_rl_set_attempted_completion_over(1)
            let buffer = poolschool_rl_line_buffer().map { String(cString: $0) } ?? ""
            let before = String(buffer.prefix(Int(start)))
            let word = text.map { String(cString: $0) } ?? ""
            EditLineState.matches = EditLineState.complete(before, word)
            guard !EditLineState.matches.isEmpty else { return nil }
            // `config max_size=` wants its value next, not a space.
            let endsInAssignment = EditLineState.matches.allSatisfy { $0.hasSuffix("=") }
            poolschool_rl_set_completion_append_character(endsInAssignment ? 0 : Int32(UInt8(ascii: " ")))
            return rl_completion_matches(text, EditLineState.nextMatch)
        }

    /// libedit's generator protocol: called with state 0, 1, 2, … until it returns NULL.
    static let nextMatch: @convention(c) (UnsafePointer<CChar>?, Int32) -> UnsafeMutablePointer<CChar>? = {
        _, state in
        let index = Int(state)
        guard index < EditLineState.matches.count else { return nil }
        return strdup(EditLineState.matches[index])
    }
}
