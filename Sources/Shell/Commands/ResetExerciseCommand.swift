extension ShellCommand {
    static let resetExercise = ShellCommand(
        name: "reset", group: .exercises, summary: "Put an exercise's stub back (your file is kept as a backup)",
        usage: "reset EXERCISE",
        details: """
            Restores EXERCISE's file to the stub the course shipped, with its `Unattempted` line, so it is \
            "not started" again. Your version is copied to `backups/` in your poolschool home first, and the \
            path is printed. The stub comes from the checkout's git history.
            """,
        complete: completeExerciseNames,
        run: { arguments, session throws(ShellError) in
            guard arguments.count == 1 else { throw .usage("name one exercise: reset EXERCISE") }
            session.say(try session.exerciseWorkspace.reset(arguments[0]))
        })
}
