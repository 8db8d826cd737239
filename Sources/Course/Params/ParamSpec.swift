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

    /// Every value it can take, in its unit.
    public var choices: [Double] {
        guard high > low, step > 0 else { return [low] }
        let count = Int(((high - low) / step).rounded(.down)) + 1
        return (0..<count).map { low + Double($0) * step }
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
            guard let value = Double(words[words.count - 1]), value > 0 else {
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
        guard high >= low else { throw Expression.Failure(message: "range \(range) runs backwards") }
        let integral = low == low.rounded() && high == high.rounded()
        return ParamSpec(
            name: name, low: low, high: high, step: step ?? (integral ? 1 : (high - low) / 10), unit: unit, line: line)
    }
}
