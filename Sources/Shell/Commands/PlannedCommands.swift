/// Commands whose work arrives with a later part of the course. They are registered now so that
/// help, completion and suggestions know them, and they say plainly that they are not ready.
/// When one is built, it moves to a file of its own and its line here goes.
extension ShellCommand {
    static let planned: [ShellCommand] = [
        // Lab
        planned(
            "lab", .lab, "Start a fresh world, the default or a named scenario", "lab [SCENARIO | --list | reset]",
            part: "the lab"),
        planned("config", .lab, "Show or change pool and database settings", "config [KEY=VALUE ...]", part: "the lab"),
        planned("borrow", .lab, "Borrow a connection from the pool", "borrow [as NAME] [--wait]", part: "the lab"),
        planned("release", .lab, "Return a borrowed connection", "release NAME", part: "the lab"),
        planned("leak", .lab, "Drop a borrowed connection without returning it", "leak NAME", part: "the lab"),
        planned("query", .lab, "Run SQL on a borrowed connection", "query NAME SQL", part: "the lab"),
        planned("advance", .lab, "Move the virtual clock forward", "advance DURATION", part: "the lab"),
        planned("burst", .lab, "Send N requests at once", "burst N [QUERY]", part: "the lab"),
        planned("load", .lab, "Run a workload (the options of 'poolschool sim')", "load OPTIONS", part: "the lab"),
        planned("fault", .lab, "Inject a fault: restart, firewall idle drop, slow auth", "fault KIND", part: "the lab"),
        planned("stats", .lab, "Pool and database metrics", "stats", part: "the lab"),
        planned("events", .lab, "The last N events of the world", "events [N]", part: "the lab"),
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
