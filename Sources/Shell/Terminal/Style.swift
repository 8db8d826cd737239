/// Emphasis for terminal output. With colour off every function returns its text unchanged,
/// so the words and layout on a terminal and in a pipe are the same: only decoration differs.
struct Style: Sendable {
    let enabled: Bool

    init(enabled: Bool) {
        self.enabled = enabled
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func italic(_ text: String) -> String { wrap(text, "3") }
    func underline(_ text: String) -> String { wrap(text, "4") }
    func red(_ text: String) -> String { wrap(text, "31") }
    func green(_ text: String) -> String { wrap(text, "32") }
    func yellow(_ text: String) -> String { wrap(text, "33") }
    func cyan(_ text: String) -> String { wrap(text, "36") }

    /// Stands for ESC in styled text until `GatedOutput` writes it: a raw ESC anywhere is shown as `^[`,
    /// and only this marker followed by `[`, digits and `m` becomes a real escape (and only with colour on).
    /// It is a Unicode noncharacter, which `Sanitizer.clean` also shows instead of passing on.
    static let escapeMarker = Unicode.Scalar(0xFDD0 as UInt32)!
    /// Stands for a carriage return the shell means (a progress bar redrawn in place).
    static let carriageReturnMarker = Unicode.Scalar(0xFDD1 as UInt32)!
    /// Moves to the start of the line on a terminal; only the shell's own progress lines use it.
    static let carriageReturn = String(carriageReturnMarker)

    private func wrap(_ text: String, _ code: String) -> String {
        guard enabled, !text.isEmpty else { return text }
        let escape = String(Style.escapeMarker)
        return "\(escape)[\(code)m\(text)\(escape)[0m"
    }
}
