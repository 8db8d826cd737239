/// Makes untrusted text (lesson files, the learner's own input) safe to print: it can never
/// move the cursor, change colours, retitle the window or ring the bell. Every session's output passes
/// through `GatedOutput`, which applies it to everything but the shell's own styling; calling `clean`
/// directly is for text that is measured or stored before it is written.
///
/// Every C0 control but newline and tab, DEL, and every C1 control (which some terminals
/// honour as 8-bit escape introducers) is replaced by a visible stand-in: the
/// caret form for C0 (`^[`), `\u{…}` for the rest, so the author can see what was there.
enum Sanitizer {
    static func clean(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if !isUnsafe(scalar) {
                result.append(scalar)
            } else if scalar.value < 0x20 {
                result.append("^")
                result.append(Unicode.Scalar(UInt8(scalar.value) + 0x40))
            } else if scalar.value == 0x7F {
                result.append(contentsOf: "^?".unicodeScalars)
            } else {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: "\\u{\(hex)}".unicodeScalars)
            }
        }
        return String(result)
    }

    /// Visible width of already-styled text: escape sequences we wrote take no columns.
    static func visibleWidth(_ text: String) -> Int {
        var width = 0
        var inEscape = false
        for scalar in text.unicodeScalars {
            if inEscape {
                if scalar.value >= 0x40 && scalar.value <= 0x7E && scalar != "[" { inEscape = false }
                continue
            }
            if scalar == "\u{1B}" || scalar == Style.escapeMarker {
                inEscape = true
                continue
            }
            if scalar == Style.carriageReturnMarker { continue }
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            width += isWide(scalar) ? 2 : 1
        }
        return width
    }

    /// C0 and C1 controls but newline and tab, DEL, and the noncharacters `Style` uses to mark its own
    /// escapes (so that untrusted text can never pass for styling).
    static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value == 0x0A || value == 0x09 { return false }
        return value < 0x20 || value == 0x7F || (value >= 0x80 && value <= 0x9F) || (0xFDD0...0xFDEF).contains(value)
    }

    /// East Asian wide and emoji ranges: enough to keep tables and charts aligned.
    private static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F,
            0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
