import Course
import Foundation
import Grading

/// The exercises as the shell and the command line see them: the catalog joined with the graders, the
/// runner, and the learner's progress.
struct ExerciseWorkspace: Sendable {
    let catalog: ExerciseCatalog
    let runner: ExerciseRunner
    let home: ShellHome

    init(root: String, home: ShellHome) {
        catalog = ExerciseCatalog.load(path: (root as NSString).appendingPathComponent(ExerciseCatalog.defaultPath))
        runner = ExerciseRunner(root: root)
        self.home = home
    }

    /// The catalog's exercises, in course order, as the graders name them. The catalog is their one source.
    var exercises: [(entry: ExerciseEntry, graded: GradedExercise)] {
        catalog.exercises.map { entry in
            (entry, GradedExercise(name: entry.name, file: entry.file, typeName: entry.type, tests: entry.tests))
        }
    }

    var names: [String] { exercises.map(\.entry.name) }

    /// The exercise named `name`, or a failure that lists the names.
    func exercise(_ name: String) throws(ShellError) -> (entry: ExerciseEntry, graded: GradedExercise) {
        if let found = exercises.first(where: { $0.entry.name == name }) { return found }
        let hint = EditDistance.suggestion(for: name, among: names).map { "; did you mean '\($0)'?" } ?? ""
        throw .usage(
            "no exercise named '\(Sanitizer.clean(name))'\(hint) (exercises: \(names.joined(separator: ", ")))")
    }

    /// The first exercise not passed yet.
    func current(_ progress: ExerciseProgress) -> (entry: ExerciseEntry, graded: GradedExercise)? {
        exercises.first { !progress.passed.contains($0.entry.name) }
    }

    /// Grades, and records the run (rule by rule, for `report`) and a pass.
    func check(_ name: String, built: Bool = false, observer: RunObserver = .silent) throws(ShellError)
        -> ExerciseRunner.Outcome
    {
        let exercise = try exercise(name)
        let outcome = runner.grade(exercise.graded, built: built, observer: observer)
        if let run = ExerciseRun(outcome) {
            var progress = ExerciseProgress.load(from: home)
            progress.lastRuns[name] = run
            if run.status == "passed" { progress.passed.insert(name) }
            progress.save(to: home)
        }
        return outcome
    }

    /// Restores an exercise's shipped stub, keeping the learner's file; says what it did.
    func reset(_ name: String) throws(ShellError) -> String {
        let exercise = try exercise(name)
        let restorer = StubRestorer(root: runner.path(""), home: home)
        switch try restorer.reset(exercise.graded, file: exercise.entry.file) {
        case .alreadyTheStub:
            return "\(exercise.entry.file) is already the shipped stub; nothing changed."
        case .restored(let backup):
            var progress = ExerciseProgress.load(from: home)
            progress.passed.remove(name)
            progress.save(to: home)
            let kept = backup.isEmpty ? "" : " Your version is kept at \(backup)."
            return "\(exercise.entry.file) is the shipped stub again (not started).\(kept)"
        }
    }

    /// Seeds `name` from the learner's passing code of the exercise it builds on (`start`); says what it did.
    func start(_ name: String, force: Bool) throws(ShellError) -> String {
        let entry = try exercise(name).entry
        guard let baseName = entry.buildsOn, let base = catalog.entry(named: baseName) else {
            let extending = catalog.exercises.filter { $0.buildsOn != nil }.map(\.name)
            throw .failed(
                "\(name) does not build on another exercise: edit \(entry.file) (exercises that do: "
                    + "\(extending.joined(separator: ", ")))")
        }
        let passed = ExerciseProgress.load(from: home).passed.contains(base.name)
        let seeder = ExerciseSeeder(root: runner.path(""), home: home)
        let backup = try seeder.start(entry, from: base, passed: passed, force: force)
        return "\(entry.file) now holds your \(base.type) from \(base.file), renamed \(entry.type), under the "
            + "instructions of \(name); it is started. The file it replaced is kept at \(backup). "
            + "Check it: `check \(name)`."
    }

    /// The exercise's next hint (and counts it shown), or why there is none.
    func nextHint(_ name: String) -> String {
        guard let entry = catalog.entry(named: name) else { return "no exercise named '\(name)'" }
        var progress = ExerciseProgress.load(from: home)
        let shown = progress.hintsShown[name, default: 0]
        guard shown < entry.hints.count else { return "No more hints for \(name)." }
        progress.hintsShown[name] = shown + 1
        progress.save(to: home)
        return "Hint \(shown + 1) of \(entry.hints.count) for \(name): " + entry.hints[shown]
    }

    /// `2 of 8 exercises passed, 1 started`: for `progress`, `exercises` and `watch`.
    func summary(_ progress: ExerciseProgress) -> String {
        let passed = exercises.filter { progress.passed.contains($0.entry.name) }.count
        let started = exercises.filter {
            !progress.passed.contains($0.entry.name) && runner.markerLine($0.graded) == nil
        }.count
        return "\(passed) of \(exercises.count) exercises passed, \(started) started"
    }

    // MARK: Text

    /// The outcome as a learner reads it.
    func describe(_ outcome: ExerciseRunner.Outcome, for exercise: GradedExercise) -> String {
        switch outcome {
        case .notStarted(let line):
            return "\(exercise.name): not started. Edit \(exercise.file) and delete line \(line) "
                + "(`\(UnattemptedMarker.line(for: exercise.typeName))`); `hint \(exercise.name)` helps."
        case .compileErrors(let errors, let output):
            guard !errors.isEmpty else { return "the package does not build:\n" + String(output.suffix(1_500)) }
            return
                (["the package does not build:"]
                + errors.prefix(5).map { error in
                    var text = "\(error.file):\(error.line):\(error.column): \(error.message)"
                    if let source = error.source {
                        text += "\n    \(source)\n    " + String(repeating: " ", count: max(0, error.column - 1)) + "^"
                    }
                    return text
                }).joined(separator: "\n")
        case .graded(let report):
            let passed = report.checks.filter { $0.passed && $0.wasReached }.count
            let unreached = report.checks.filter { $0.passed && !$0.wasReached }.count
            let head =
                report.passed
                ? "\(exercise.name): passed, all \(report.checks.count) checks."
                : "\(exercise.name): \(passed) of \(report.checks.count) checks pass"
                    + (unreached > 0 ? ", \(unreached) not reached." : ".")
            return ([head] + report.checks.map { $0.explanation(exercise: exercise.name) }).joined(separator: "\n")
        case .timedOut(let limit):
            return "\(exercise.name): grading did not finish within \(limit) and was stopped."
        case .failed(let output):
            return "\(exercise.name): grading gave no report. The end of its output:\n\(output)"
        case .cancelled:
            return "\(exercise.name): cancelled (Ctrl-C) before a verdict; nothing was graded."
        }
    }
}
