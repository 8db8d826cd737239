#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the shell knows about where its output goes: whether a person is at a terminal,
/// how wide it is, and whether colour is wanted.
struct TerminalInfo: Sendable, Equatable {
    /// Input comes from a terminal: line editing, a prompt and history are on.
    var isInteractive: Bool
    /// Columns to wrap and draw charts to.
    var width: Int
    /// ANSI colour and emphasis may be written.
    var colour: Bool

    init(isInteractive: Bool, width: Int, colour: Bool) {
        self.isInteractive = isInteractive
        self.width = max(20, width)
        self.colour = colour
    }

    /// Plain output, 80 columns: pipes, files, tests.
    static let plain = TerminalInfo(isInteractive: false, width: 80, colour: false)

    /// Reads the real process's terminal and environment.
    static func detect(environment: [String: String]) -> TerminalInfo {
        let inputIsTTY = isatty(STDIN_FILENO) == 1
        let outputIsTTY = isatty(STDOUT_FILENO) == 1
        return TerminalInfo(
            isInteractive: inputIsTTY,
            width: currentWidth(environment: environment, outputIsTTY: outputIsTTY),
            colour: colourWanted(outputIsTTY: outputIsTTY, environment: environment)
        )
    }

    /// Colour only on a terminal, never with `NO_COLOR` (any value, per no-color.org), never on a dumb terminal.
    static func colourWanted(outputIsTTY: Bool, environment: [String: String]) -> Bool {
        guard outputIsTTY else { return false }
        if let noColour = environment["NO_COLOR"], !noColour.isEmpty { return false }
        return environment["TERM"] != "dumb"
    }

    /// The terminal's width now (it may have been resized since start), else `COLUMNS`, else 80.
    static func currentWidth(environment: [String: String], outputIsTTY: Bool) -> Int {
        if outputIsTTY {
            var size = winsize()
            if ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
                return Int(size.ws_col)
            }
        }
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 {
            return columns
        }
        return 80
    }
}
