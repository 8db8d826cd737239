/// Commands whose work arrives with a later part of the course. They are registered now so that
/// help, completion and suggestions know them, and they say plainly that they are not ready.
/// When one is built, it moves to a file of its own and its line here goes.
extension ShellCommand {
    static let planned: [ShellCommand] = [
        // Exercises
        planned("exercises", .exercises, "List the exercises and their status", "exercises", part: "the exercises"),
        planned("check", .exercises, "Build and grade an exercise", "check [EXERCISE]", part: "the exercises"),
        planned(
            "solution", .exercises, "Show the reference solution of a passed exercise", "solution EXERCISE",
            part: "the exercises"),
        planned(
            "replay", .exercises, "Step through a failing trace in the lab", "replay EXERCISE SEED",
            part: "the exercises"),
    ]

    private static func planned(
        _ name: String,
        _ group: CommandGroup,
        _ summary: String,
        _ usage: String,
        part: String,
        aliases: [String] = []
    ) -> ShellCommand {
        ShellCommand(
            name: name,
            aliases: aliases,
            group: group,
            summary: summary,
            usage: usage,
            details: "\(summary).\n\nNot ready yet: this command arrives with \(part).",
            isReady: false,
            run: { _, _ throws(ShellError) in
                throw .notReady("'\(name)' is not ready yet: it arrives with \(part)")
            }
        )
    }
}
