import Foundation
import Grading

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `poolschool watch [EXERCISE]`: re-grades on every save the exercise named, else the one saved
/// last, with a progress line and single keys like `rustlings watch` (a line each when input is not a
/// terminal).
struct ExerciseWatch {
    let workspace: ExerciseWorkspace
    let named: String?
    let output: ShellOutput
    private var keysOpen = true
    /// Single keys at a terminal; nil on a pipe, where a key is the first letter of a line.
    private var presses: KeyPresses?

    init(workspace: ExerciseWorkspace, named: String?, output: ShellOutput) {
        self.workspace = workspace
        self.named = named
        self.output = output
    }

    static let keys = "h hint · l list · r reset · q quit"

    var keys: String { presses == nil ? Self.keys + " (then Enter)" : Self.keys }

    mutating func run() -> ExitStatus {
        presses = KeyPresses.open()
        defer { presses?.close() }
        let folder = workspace.runner.path("Exercises")
        var seen = ExerciseCommandLine.modificationDates(in: folder)
        var current = target().initial(stamps: seen)
        var regrade = true
        while true {
            guard let name = current else {
                say("Every exercise has passed.")
                return .success
            }
            if regrade {
                regrade = false
                if grade(name), let next = target().afterPass(name) {
                    say("On to \(next).")
                    current = next
                    regrade = true
                    continue
                }
                say(progressLine(following: name))
            }
            switch readKey(timeout: 200) {
            case "q": return .success
            case "h": say(workspace.nextHint(name))
            case "l": say(listing())
            case "r":
                do { say(try workspace.reset(name)) } catch { say(error.message) }
            default: break
            }
            let stamps = ExerciseCommandLine.modificationDates(in: folder)
            if stamps != seen {
                current = target().afterSave(previous: seen, now: stamps, current: current)
                seen = stamps
                regrade = true
            }
        }
    }

    /// Grades one exercise and prints the verdict; true if it passed.
    private func grade(_ name: String) -> Bool {
        guard let exercise = try? workspace.exercise(name) else { return false }
        say("Checking \(name) (\(exercise.entry.file))…")
        let outcome = (try? workspace.check(name)) ?? .failed("not graded")
        say(workspace.describe(outcome, for: exercise.graded))
        if case .graded(let report) = outcome { return report.passed }
        return false
    }

    private func target() -> WatchTarget {
        let progress = ExerciseProgress.load(from: workspace.home)
        return WatchTarget(
            named: named,
            exercises: workspace.exercises.map { entry, graded in
                WatchTarget.Exercise(
                    name: entry.name, fileName: (entry.file as NSString).lastPathComponent,
                    passed: progress.passed.contains(entry.name), started: workspace.runner.markerLine(graded) == nil)
            })
    }

    /// `▰▰▱▱▱▱▱▱ 2 of 8 exercises passed, 1 started · watching fixed-size-pool · h hint …`
    func progressLine(following name: String) -> String {
        let progress = ExerciseProgress.load(from: workspace.home)
        let passed = workspace.exercises.filter { progress.passed.contains($0.entry.name) }.count
        let bar =
            String(repeating: "▰", count: passed) + String(repeating: "▱", count: workspace.exercises.count - passed)
        return "\(bar) \(workspace.summary(progress)) · watching \(name) · \(keys)"
    }

    private func listing() -> String {
        let progress = ExerciseProgress.load(from: workspace.home)
        return workspace.exercises.map { entry, graded in
            let status =
                progress.passed.contains(entry.name)
                ? "passed" : workspace.runner.markerLine(graded) == nil ? "started" : "not started"
            return "\(entry.name)  \(status)  \(entry.file)"
        }.joined(separator: "\n")
    }

    private func say(_ text: String) {
        output.write(text + "\n", error: false)
    }

    /// A key pressed at the terminal (else the first letter of a line), waiting at most `timeout` ms.
    private mutating func readKey(timeout: Int32) -> Character? {
        if let presses {
            guard case .key(let key) = presses.next(timeout: timeout) else { return nil }
            return key
        }
        guard keysOpen else {
            usleep(UInt32(timeout) * 1000)
            return nil
        }
        var descriptor = pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, timeout) > 0 else { return nil }
        guard let line = readLine() else {
            keysOpen = false  // Input ended (a pipe, /dev/null): keep watching files only.
            return nil
        }
        return line.trimmingCharacters(in: .whitespaces).lowercased().first
    }
}
