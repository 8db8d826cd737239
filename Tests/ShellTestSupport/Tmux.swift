import Foundation

/// A private tmux server (its own socket) running one command in a fixed-size window.
public struct Tmux {
    public struct Timeout: Error, CustomStringConvertible {
        public let expected: String
        public let screen: String

        public init(expected: String, screen: String) {
            self.expected = expected
            self.screen = screen
        }

        public var description: String { "the screen never showed \(expected.debugDescription); it shows:\n\(screen)" }
    }

    public static var isAvailable: Bool {
        ["/usr/bin/tmux", "/usr/local/bin/tmux", "/bin/tmux"].contains {
            FileManager.default.isExecutableFile(atPath: $0)
        }
    }

    public let socket = "poolschool-test-\(UUID().uuidString.prefix(8))"

    public init(command: String, width: Int = 100, height: Int = 30) throws {
        try run(["new-session", "-d", "-x", "\(width)", "-y", "\(height)", command], capture: false)
        // Keep the pane after the program exits so the test can see that it did.
        try run(["set-option", "-g", "remain-on-exit", "on"])
    }

    /// Types literal text.
    public func type(_ text: String) {
        _ = try? run(["send-keys", "-l", text])
    }

    /// Presses a named key: Enter, Left, Up, Tab, C-c, C-d.
    public func keys(_ key: String) {
        _ = try? run(["send-keys", key])
    }

    public func screen() -> String {
        Self.trimmingLineEnds((try? run(["capture-pane", "-p"])) ?? "")
    }

    /// Resizes the window, as a person dragging the terminal's edge.
    public func resize(width: Int, height: Int) {
        _ = try? run(["resize-window", "-x", "\(width)", "-y", "\(height)"])
    }

    /// Everything shown since the start, with lines the terminal wrapped joined again: a line
    /// here longer than the window is one the program did not fit to it.
    public func transcript() -> String {
        Self.trimmingLineEnds((try? run(["capture-pane", "-p", "-J", "-S", "-"])) ?? "")
    }

    private static func trimmingLineEnds(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { line in String(line.reversed().drop { $0 == " " }.reversed()) }
            .joined(separator: "\n")
    }

    /// Waits until the screen shows `text` (at least `occurrences` times); the program runs in
    /// its own process, so the test must wait for it to draw.
    public func waitFor(_ text: String, occurrences: Int = 1, seconds: Double = 10) throws {
        // The screen is read with trailing spaces trimmed; trim the expectation the same way.
        let text = Self.trimmingLineEnds(text)
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if screen().components(separatedBy: text).count - 1 >= occurrences { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(expected: text, screen: screen())
    }

    public func waitForExit(seconds: Double = 10) throws {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if (try? run(["display-message", "-p", "#{pane_dead}"]))?.hasPrefix("1") == true { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw Timeout(expected: "the program to exit", screen: screen())
    }

    /// The pane's title, which an escape sequence (OSC 0 or 2) in the program's output would change.
    public func paneTitle() -> String {
        ((try? run(["display-message", "-p", "#{pane_title}"])) ?? "").trimmingCharacters(in: .newlines)
    }

    public func kill() {
        _ = try? run(["kill-server"])
    }

    @discardableResult
    private func run(_ arguments: [String], capture: Bool = true) throws -> String {
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: output) }
        // The server that new-session starts outlives the call: it gets no file of ours to hold.
        _ = try Spawn.run(
            ["tmux", "-L", socket, "-f", "/dev/null"] + arguments, environment: ProcessInfo.processInfo.environment,
            stdout: capture ? output.path : nil, seconds: 10)
        return capture ? (try? String(contentsOf: output, encoding: .utf8)) ?? "" : ""
    }
}
