import Grading

extension ShellCommand {
    static let exercises = ShellCommand(
        name: "exercises", group: .exercises, summary: "List the exercises and their status", usage: "exercises",
        details: "Lists the exercises in course order: passed, started, or not started, with their files and points.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            let workspace = session.exerciseWorkspace
            guard !workspace.exercises.isEmpty else {
                throw .failed(
                    "no exercises found: run poolschool from the project folder (with \(workspace.catalog.path))")
            }
            let progress = ExerciseProgress.load(from: session.home)
            var lines: [String] = []
            for (entry, graded) in workspace.exercises {
                let status =
                    progress.passed.contains(entry.name)
                    ? "passed" : workspace.runner.markerLine(graded) == nil ? "started" : "not started"
                lines.append("\(entry.name)  \(status)  \(entry.points) points  \(entry.file) (lesson \(entry.lesson))")
            }
            session.say(lines.joined(separator: "\n"))
            session.say(workspace.summary(progress) + ".")
        })

    static let check = ShellCommand(
        name: "check", group: .exercises, summary: "Build and grade an exercise", usage: "check [EXERCISE]",
        details: """
            Builds the package and grades EXERCISE (default: the first one not passed yet) in its own process, \
            with a time limit, saying what it is doing (lines starting with '…'); Ctrl-C cancels. A compile error is shown at its file and line; a failed check shows what went \
            wrong, its seed and its trace (`replay EXERCISE SEED` steps through it).
            """,
        complete: completeExerciseNames,
        run: { arguments, session throws(ShellError) in
            guard arguments.count <= 1 else { throw .usage("expected at most one exercise") }
            let workspace = session.exerciseWorkspace
            let progress = ExerciseProgress.load(from: session.home)
            guard let name = arguments.first ?? workspace.current(progress)?.entry.name else {
                session.say("Every exercise has passed.")
                return
            }
            let exercise = try workspace.exercise(name)
            let outcome = try workspace.check(name, observer: session.checkObserver())
            let text = workspace.describe(outcome, for: exercise.graded)
            if case .cancelled = outcome {
                session.say(text)
            } else if case .graded(let report) = outcome, report.passed {
                session.say(text + "\n`solution \(name)` shows the reference solution.")
            } else if case .notStarted = outcome {
                session.say(text)
            } else {
                throw .failed(text)
            }
        })

    static let solution = ShellCommand(
        name: "solution", group: .exercises, summary: "Show the reference solution of a passed exercise",
        usage: "solution EXERCISE",
        details: "Prints the reference solution (Solutions/), once `check EXERCISE` has passed.",
        complete: completeExerciseNames,
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1 else { throw .usage("expected one exercise") }
            let workspace = session.exerciseWorkspace
            let (entry, _) = try workspace.exercise(arguments[0])
            guard ExerciseProgress.load(from: session.home).passed.contains(entry.name) else {
                throw .failed(
                    "'\(entry.name)' has not passed yet: `check \(entry.name)` first; `hint \(entry.name)` helps")
            }
            guard let text = try? String(contentsOfFile: workspace.runner.path(entry.solutionFile), encoding: .utf8)
            else {
                throw .failed("cannot read \(entry.solutionFile)")
            }
            session.say(text)
        })

    static let replay = ShellCommand(
        name: "replay", group: .exercises, summary: "Step through a failing trace, event by event",
        usage: "replay EXERCISE SEED",
        details: """
            Runs the case SEED of EXERCISE again (seeds come with every failed check) and steps through its \
            trace one event at a time: what happened, what your code answered, the pool's state after it \
            (connections, waiters, timers), and where a rule broke. Keys: n or Enter next, p previous, \
            g N go to step N, q quit. On a pipe or in a script it prints every step in order.
            """,
        complete: completeExerciseNames,
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 2 else { throw .usage("expected an exercise and a seed") }
            let workspace = session.exerciseWorkspace
            let (entry, graded) = try workspace.exercise(arguments[0])
            guard let seed = UInt64(arguments[1]) else {
                throw .usage("'\(Sanitizer.clean(arguments[1]))' is not a seed")
            }
            // Replaying builds first, which can take a minute: the same progress and Ctrl-C as `check`.
            let outcome = workspace.runner.grade(graded, replay: seed, observer: session.checkObserver())
            if case .cancelled = outcome {
                session.say(workspace.describe(outcome, for: graded))
                return
            }
            guard case .graded(let report) = outcome, let check = report.checks.first else {
                throw .failed(workspace.describe(outcome, for: graded))
            }
            let verdict = check.passed ? "passes now" : "fails: \(check.message ?? "")"
            let steps = TraceStep.split(check.trace)
            session.say("\(entry.name), check '\(check.name)', seed \(seed) \(verdict)")
            guard !steps.isEmpty else {
                session.say("(this check has no step-by-step trace)")
                return
            }
            // Stepping needs a person at the keys; a pipe or a script gets every step at once.
            guard session.terminal.isInteractive, session.sourceLocation == nil else {
                TraceStepper.printAll(steps, in: session)
                return
            }
            let stepper = TraceStepper(steps: steps)
            stepper.start(in: session)
            session.subPrompt = stepper
        })
}
