import Foundation
import Testing

/// A learner on a 60-column terminal: every output fits, nothing breaks mid-word, wide PgBouncer
/// tables turn to one field per line, the prompt shortens, and inline code is not shown in backticks.
@Suite(.serialized, .timeLimit(.minutes(1)))
struct NarrowTerminalTests {
    static let width = 60

    func start(_ home: URL) throws -> Tmux {
        let root = PoolschoolProcess.packageRoot.path
        return try Tmux(
            command:
                "cd '\(root)' && env POOLSCHOOL_HOME='\(home.path)' POOLSCHOOL_LEARNER=narrow TERM=xterm '\(PoolschoolProcess.executable.path)'",
            width: 100, height: 40)
    }

    static func isPromptLine(_ line: Substring) -> Bool {
        line.range(of: #"^(poolschool( \[[^\]]*\])?|\[[^\]]*\])>"#, options: .regularExpression) != nil
    }

    /// Prompts shown so far: the shell is ready for the next line once there is one more.
    func prompts(_ tmux: Tmux) -> Int {
        tmux.transcript().split(separator: "\n").filter(Self.isPromptLine).count
    }

    func waitForPrompts(_ tmux: Tmux, _ count: Int) throws {
        let deadline = Date().addingTimeInterval(30)
        while prompts(tmux) < count {
            guard Date() < deadline else { throw Tmux.Timeout(expected: "prompt \(count)", screen: tmux.screen()) }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }

    @Test(.enabled(if: Tmux.isAvailable, "tmux is not installed; `make test` installs it"))
    func everythingFitsSixtyColumns() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("poolschool-60-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: home) }
        let tmux = try start(home)
        defer { tmux.kill() }
        try tmux.waitFor("poolschool> ")
        // Narrowed after the start: the shell fits the window it has now, not the one it began in.
        tmux.resize(width: Self.width, height: 40)
        let commands = [
            "help", "lab --list", "lab reservation-desk", "events 30", "stats", "exercises",
            "load --arrival-rate 400/s --hold-mean 40ms --requests 3000 --borrow-timeout 1s", "lab fan-in",
            "connect a", "show pools", "show stats", "stats", "open 03-borrow-and-backpressure", "page 2",
        ]
        for (index, command) in commands.enumerated() {
            tmux.type(command)
            tmux.keys("Enter")
            try waitForPrompts(tmux, index + 2)
        }
        tmux.type("quit")
        tmux.keys("Enter")
        try tmux.waitForExit()
        let transcript = tmux.transcript()
        // The banner was written at 100 columns, before the resize; everything after must fit 60.
        let afterResize = try #require(transcript.range(of: "poolschool> help")).lowerBound
        // A typed command may run long: that is the learner's line, not output.
        let tooWide = transcript[afterResize...].split(separator: "\n").filter {
            $0.count > Self.width && !Self.isPromptLine($0)
        }
        #expect(tooWide.isEmpty, "lines the terminal had to wrap:\n\(tooWide.joined(separator: "\n"))")
        #expect(transcript.contains("New here? Type 'next' to start"), "a first visit says what to type first")
        #expect(transcript.contains("-[ RECORD 1 ]"), "show pools is shown one field per line")
        #expect(transcript.contains("cl_waiting "))
        #expect(transcript.contains("\n[03 2/5]> "), "the prompt shortens: \(transcript.suffix(400))")
        #expect(!transcript.contains("Question `"), "inline code renders as code, not in backticks")
        #expect(transcript.contains("'events' lists the"), "the demo's traces wait for 'events'")
    }
}
