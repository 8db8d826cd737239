import Foundation
import Grading

extension ShellSession {
    /// The exercises of the project the shell was started in.
    var exerciseWorkspace: ExerciseWorkspace {
        ExerciseWorkspace(root: FileManager.default.currentDirectoryPath, home: home)
    }

    /// What `check` tells the learner while it builds and grades: lines marked `…` (dim at a terminal) so they
    /// read as progress, not results; and Ctrl-C, through the session's interrupt flag, stops the child.
    func checkObserver() -> RunObserver {
        let hint = terminal.isInteractive ? "; Ctrl-C cancels" : ""
        var first = true
        return RunObserver(
            progress: { [self] text in
                say(style.dim("… " + text + (first ? hint : "")))
                first = false
            },
            isCancelled: { [self] in interrupt.isRaised })
    }

    /// Shows the next hint of an exercise; true if `name` is an exercise (the `hint` command's exercise case).
    func showExerciseHint(_ name: String) throws(ShellError) -> Bool {
        let workspace = exerciseWorkspace
        guard let entry = workspace.catalog.entry(named: name) else { return false }
        var progress = ExerciseProgress.load(from: home)
        let shown = progress.hintsShown[name, default: 0]
        guard shown < entry.hints.count else {
            throw .failed("no more hints for '\(name)'; `solution \(name)` shows the reference once it passes")
        }
        progress.hintsShown[name] = shown + 1
        if let problem = progress.save(to: home) { report(problem, status: .failure) }
        render(markdown: "**Hint \(shown + 1) of \(entry.hints.count) for \(name):** " + entry.hints[shown])
        return true
    }
}

extension ShellCommand {
    /// Completes the first argument with exercise names.
    static let completeExerciseNames: Completion = { request, session in
        request.argumentIndex == 0 ? session.exerciseWorkspace.names : []
    }
}
