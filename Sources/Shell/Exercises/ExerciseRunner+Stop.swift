import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension ExerciseRunner {
    /// Ends a child `swift build` or `swift test` and what it started. SIGINT first, as a terminal's Ctrl-C
    /// would: SwiftPM then stops its compilers and test processes itself. A child that ignores it for two
    /// seconds gets SIGTERM, then SIGKILL; a learner's test stuck in a loop must not keep the shell waiting.
    static func stop(_ process: Process) {
        let pid = process.processIdentifier
        for (signal, grace) in [(SIGINT, 2.0), (SIGTERM, 2.0), (SIGKILL, 0.0)] {
            guard process.isRunning else { return }
            kill(pid, signal)
            let deadline = Date().addingTimeInterval(grace)
            while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        }
    }
}
