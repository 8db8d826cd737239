/// The one way out for everything a session writes: it shows every control character as text (`^[`,
/// `\u{9B}`) whoever wrote it, and turns only the shell's own style markers into escapes, with colour on.
/// Lesson text, progress, echoed input, error messages and an exercise's relayed output therefore
/// cannot move the cursor, retitle the window or recolour the screen, even through a command that forgot
/// to clean what it prints.
final class GatedOutput: ShellOutput {
    let sink: ShellOutput
    let terminal: TerminalInfo

    init(_ sink: ShellOutput, terminal: TerminalInfo = .plain) {
        self.sink = sink
        self.terminal = terminal
    }

    func write(_ text: String, error: Bool) {
        sink.write(Self.render(text, colour: terminal.colour, interactive: terminal.isInteractive), error: error)
    }

    /// `text` as the terminal may see it: style escapes only with `colour`, carriage returns only when
    /// `interactive`.
    static func render(_ text: String, colour: Bool, interactive: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: Sanitizer.isUnsafe) else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            if scalar == Style.escapeMarker, let end = styleEnd(scalars, from: index + 1) {
                if colour {
                    result.append("\u{1B}")
                    result.append(contentsOf: scalars[(index + 1)...end])
                }
                index = end + 1
                continue
            }
            if scalar == Style.carriageReturnMarker {
                if interactive { result.append("\r") }
                index += 1
                continue
            }
            if Sanitizer.isUnsafe(scalar) {
                result.append(contentsOf: Sanitizer.clean(String(scalar)).unicodeScalars)
            } else {
                result.append(scalar)
            }
            index += 1
        }
        return String(result)
    }

    /// The index of the `m` ending a style sequence `[` digits and `;` `m` that starts at `start`.
    private static func styleEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        guard start < scalars.count, scalars[start] == "[" else { return nil }
        var index = start + 1
        while index < scalars.count, index - start <= 16 {
            let scalar = scalars[index]
            if scalar == "m" { return index }
            guard scalar == ";" || ("0"..."9").contains(scalar) else { return nil }
            index += 1
        }
        return nil
    }
}
