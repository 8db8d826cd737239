/// Who watches a grading run: told what the runner is doing (a build can take a minute, and silence reads as a
/// hang) and asked, while a child runs, whether the learner wants it stopped (Ctrl-C in the shell).
///
/// Not stored in `ExerciseRunner`, which is `Sendable`: it is handed to one call and used on its thread.
struct RunObserver {
    /// One line of progress: `building your exercises and their grader`, `still building (20 s)`.
    var progress: (String) -> Void
    /// Polled while a child runs; true stops it and the run ends as `.cancelled`.
    var isCancelled: () -> Bool
    /// How often a long child earns a `still …` line.
    var tick: Duration

    init(
        tick: Duration = .seconds(10), progress: @escaping (String) -> Void,
        isCancelled: @escaping () -> Bool = { false }
    ) {
        self.tick = tick
        self.progress = progress
        self.isCancelled = isCancelled
    }

    /// Watches nothing: the command line's `check` and `grade`, and `watch`, which say their own progress.
    static var silent: RunObserver { RunObserver(tick: .seconds(3_600), progress: { _ in }) }
}
