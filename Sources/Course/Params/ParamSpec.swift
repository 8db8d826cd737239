import Foundation

/// One line of a `params` block: `setup = 10..30 ms step 2`, or `query = 6 ms`.
public struct ParamSpec: Equatable, Sendable {
    public let name: String
    public let low: Double
    public let high: Double
    public let step: Double
    public let unit: Unit
    /// The line in the lesson file, for lint.
    public let line: Int

    /// How many values it can take; at most `LessonLimits.paramChoices` once parsed.
    public var choiceCount: Int {
        guard high > low, step > 0 else { return 1 }
        return Int(((high - low) / step).rounded(.down)) + 1
    }

    /// The `index`th value it can take, in its unit.
    public func choice(_ index: Int) -> Double {
        low + Double(index) * step
    }

    public static func parse(_ text: String, line: Int) throws(Expression.Failure) -> ParamSpec {
        let parts = text.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, !parts[0].isEmpty else {
            throw Expression.Failure(message: "expected 'name = LOW..HIGH [unit] [step S]' or 'name = VALUE [unit]'")
        }
        let name = parts[0]
        guard name.first!.isLetter, name.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else {
            throw Expression.Failure(
                message: "param name '\(name)' must be letters, digits and _, starting with a letter")
        }
        var words = parts[1].split(separator: " ").map(String.init)
        var step: Double?
        if words.count >= 2, words[words.count - 2] == "step" {
            guard let value = Double(words[words.count - 1]), value > 0, value.isFinite else {
                throw Expression.Failure(message: "step must be a positive number, got '\(words[words.count - 1])'")
            }
            step = value
            words.removeLast(2)
        }
        guard let range = words.first else { throw Expression.Failure(message: "'\(name)' has no value") }
        let unitName = words.dropFirst().joined(separator: " ")
        guard let unit = Unit.named(unitName) else {
            throw Expression.Failure(message: "unknown unit '\(unitName)' (see 'Units' in Lessons/README.md)")
        }
        let bounds = range.components(separatedBy: "..")
        guard bounds.count <= 2, let low = Double(bounds[0]), let high = Double(bounds.last!) else {
            throw Expression.Failure(message: "'\(range)' is not a number or a range LOW..HIGH")
        }
        guard low.isFinite, high.isFinite, abs(low) <= 1e15, abs(high) <= 1e15 else {
            throw Expression.Failure(message: "'\(range)' must be finite numbers between -1e15 and 1e15")
        }
        guard high >= low else { throw Expression.Failure(message: "range \(range) runs backwards") }
        let integral = low == low.rounded() && high == high.rounded()
        let spec = ParamSpec(
            name: name, low: low, high: high, step: step ?? (integral ? 1 : (high - low) / 10), unit: unit, line: line)
        // Checked in Double first: a count past Int's range would trap when converted.
        let count = spec.high > spec.low ? (spec.high - spec.low) / spec.step + 1 : 1
        guard count <= Double(LessonLimits.paramChoices) else {
            throw Expression.Failure(
                message: "\(range) step \(spec.step) has \(Quantity.format(count.rounded(.down))) values; at most "
                    + "\(LessonLimits.paramChoices): widen the step or narrow the range")
        }
        return spec
    }
}
