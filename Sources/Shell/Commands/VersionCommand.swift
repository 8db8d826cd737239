extension ShellCommand {
    static let version = ShellCommand(
        name: "version",
        group: .meta,
        summary: "Show poolschool's version",
        usage: "version",
        details: "Prints the version of poolschool, the same as `poolschool --version`.",
        run: { arguments, session throws(ShellError) in
            guard arguments.isEmpty else { throw .usage("takes no arguments") }
            session.say("poolschool \(PoolschoolVersion.current)")
        }
    )
}

/// The one place the version is written.
public enum PoolschoolVersion {
    public static let current = "0.1.0"
}
