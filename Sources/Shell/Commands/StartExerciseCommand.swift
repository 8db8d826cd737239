extension ShellCommand {
    static let startExercise = ShellCommand(
        name: "start", group: .exercises,
        summary: "Start an exercise from your passing pool of the one it builds on",
        usage: "start EXERCISE [--force]",
        details: """
            For an exercise that extends an earlier one (3 extends 2; 4, 5 and 6 extend 3): copies your passing \
            code of that exercise into EXERCISE's file, renamed to its type, under its instructions, and starts it. \
            The file it replaces is kept in `backups/` in your poolschool home. A file you have already started \
            is kept unless you add --force.
            """,
        complete: completeExerciseNames,
        run: { arguments, session throws(ShellError) in
            let force = arguments.contains("--force")
            let names = arguments.filter { $0 != "--force" }
            guard names.count == 1 else { throw .usage("name one exercise: start EXERCISE [--force]") }
            session.say(try session.exerciseWorkspace.start(names[0], force: force))
        })
}
