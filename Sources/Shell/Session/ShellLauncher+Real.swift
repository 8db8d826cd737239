import Foundation

extension ShellLauncher {
    /// `poolschool real VERB …`: one `real` command in a plain session; the servers it started stop with it.
    public static func real(_ words: [String], environment: [String: String]) -> ExitStatus {
        let session = ShellSession(
            terminal: TerminalInfo(
                isInteractive: false,
                width: TerminalInfo.currentWidth(environment: environment, outputIsTTY: false), colour: false),
            output: StandardOutput(), home: ShellHome.resolve(environment: environment),
            interrupt: InterruptSignal.flag)
        // Every character but letters and digits escaped, so each word arrives as typed (an empty one too).
        let line = (["real"] + words).map { word in
            word.isEmpty ? "''" : word.map { $0.isLetter || $0.isNumber ? String($0) : "\\" + String($0) }.joined()
        }
        let status = session.execute(line.joined(separator: " "))
        session.realServers?.stop()
        return status
    }
}
