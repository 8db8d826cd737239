/// A command that goes on reading lines of its own after it returns (`replay`'s stepper): while the session
/// has one, the runner's next lines go to it instead of to the commands, under its prompt.
///
/// The shell's own line reader keeps reading, so editing, history and Ctrl-C behave as at the main prompt,
/// and no raw terminal mode is needed.
protocol SubPrompt: AnyObject {
    /// Shown instead of the shell's prompt.
    var prompt: String { get }
    /// Handles one line; returns false when the sub-prompt is finished and the shell's prompt comes back.
    func handle(_ line: String, in session: ShellSession) -> Bool
    /// Ctrl-C was pressed: the sub-prompt is already gone; say so.
    func cancelled(in session: ShellSession)
}
