import ArgumentParser
import Foundation
import Shell

/// `poolschool real …`: the shell's `real` command, once, from the command line.
struct RealSubcommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "real",
        abstract: "A real PostgreSQL and PgBouncer on loopback, measured and compared with the world.",
        discussion: """
            VERB is start, stop, status (the default), measure [--runs N], calibrate [--runs N], modes [MODE] or \
            exhaust [--clients N]. The servers live under $POOLSCHOOL_HOME/real/ and stop when this command ends; \
            inside the shell they run until 'real stop' or quit. Exit 2 when the packages (postgresql, pgbouncer, \
            openssl) are missing and cannot be installed: 'make real' installs them.
            """)

    @Argument(parsing: .captureForPassthrough, help: "The verb and its options, as the shell's `real` takes them.")
    var words: [String] = []

    func run() throws {
        try ShellLauncher.real(words, environment: ProcessInfo.processInfo.environment).finish()
    }
}
