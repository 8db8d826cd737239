import Foundation

/// Reads a number the way people type it: `75`, `75%`, `0.75`, `18ms`, `0.018 s`, `1,200`, `-3.2e3`.
public struct NumberInput: Equatable, Sendable {
    public let amount: Double
    /// nil when no unit was typed: the question's unit is meant.
    public let unit: Unit?

    public enum Failure: Error, Equatable {
        case notANumber
        case unknownUnit(String)
    }

    public static func parse(_ text: String) throws(Failure) -> NumberInput {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        var index = trimmed.startIndex
        var digits = ""
        if index < trimmed.endIndex, trimmed[index] == "-" || trimmed[index] == "+" {
            digits.append(trimmed[index])
            index = trimmed.index(after: index)
        }
        var sawDigit = false
        while index < trimmed.endIndex {
            let character = trimmed[index]
            if character.isASCII && character.isNumber {
                sawDigit = true
                digits.append(character)
            } else if character == "." {
                digits.append(character)
            } else if character == ",", isThousandsSeparator(in: trimmed, at: index) {
                // `1,200`: a grouping comma, dropped.
            } else if character == "e" || character == "E", sawDigit, isExponent(in: trimmed, at: index) {
                digits.append("e")
            } else {
                break
            }
            index = trimmed.index(after: index)
        }
        guard sawDigit, let amount = Double(digits) else { throw .notANumber }
        let rest = trimmed[index...].trimmingCharacters(in: .whitespaces)
        if rest.isEmpty { return NumberInput(amount: amount, unit: nil) }
        guard let unit = Unit.named(rest) else { throw .unknownUnit(rest) }
        return NumberInput(amount: amount, unit: unit)
    }

    private static func isThousandsSeparator(in text: String, at index: String.Index) -> Bool {
        let after = text[text.index(after: index)...].prefix(4)
        return after.prefix(3).count == 3 && after.prefix(3).allSatisfy(\.isNumber)
            && (after.count == 3 || !after.last!.isNumber)
    }

    private static func isExponent(in text: String, at index: String.Index) -> Bool {
        var next = text.index(after: index)
        if next < text.endIndex, text[next] == "-" || text[next] == "+" { next = text.index(after: next) }
        return next < text.endIndex && text[next].isNumber
    }
}
