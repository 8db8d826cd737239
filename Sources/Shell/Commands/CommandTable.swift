import Course

/// Every command the shell knows, found by name or alias.
struct CommandTable: Sendable {
    let commands: [ShellCommand]
    private let byName: [String: Int]

    init(_ commands: [ShellCommand]) {
        var byName: [String: Int] = [:]
        for (index, command) in commands.enumerated() {
            for name in command.names {
                precondition(byName[name] == nil, "two commands are called '\(name)'")
                byName[name] = index
            }
        }
        self.commands = commands
        self.byName = byName
    }

    /// The shell's commands. Adding one: write its file, then add one line here.
    static let standard = CommandTable(
        [
            .lessons, .open, .next, .back, .page, .answer, .hint, .explain, .progress, .search, .resetProgress,
            .sources,
            .lab, .config, .borrow, .release, .leak, .query, .advance, .burst, .load, .fault, .stats, .events,
            .connect, .send, .disconnect, .show, .real,
            .exercises, .check, .solution, .replay, .resetExercise, .startExercise,
            .help, .quit, .version,
        ]
    )

    func command(named name: String) -> ShellCommand? {
        byName[name.lowercased()].map { commands[$0] }
    }

    /// Every name and alias, sorted, for completion and suggestions.
    var allNames: [String] {
        byName.keys.sorted()
    }

    func commands(in group: CommandGroup) -> [ShellCommand] {
        commands.filter { $0.group == group }
    }

    /// `unknown command 'borow'; did you mean 'borrow'?`
    func unknownCommandMessage(_ typed: String) -> String {
        let shown = Sanitizer.clean(typed)
        // A number or a symbol is no misspelt command: suggesting '?' for '1303' helps nobody.
        if typed.contains(where: \.isLetter), let suggestion = EditDistance.suggestion(for: typed, among: allNames) {
            return "unknown command '\(shown)'; did you mean '\(suggestion)'?"
        }
        return "unknown command '\(shown)'; type 'help' to list the commands"
    }
}
