import Foundation

/// The precision a question's prompt asks answers in: "to one decimal place", "to two significant
/// figures", "a whole number"; two significant figures when it says nothing.
enum PromptPrecision: Equatable {
    case decimalPlaces(Int)
    case significantFigures(Int)

    static let numberWords = ["zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5]

    static func of(_ prompt: String) -> PromptPrecision {
        let text = prompt.lowercased()
        if let places = count(before: #"decimal places?"#, in: text) { return .decimalPlaces(places) }
        if let figures = count(before: #"significant (?:figures?|digits?)"#, in: text) {
            return .significantFigures(figures)
        }
        if text.range(of: #"\bwhole\b|nearest (?:integer|whole)"#, options: .regularExpression) != nil {
            return .decimalPlaces(0)
        }
        return .significantFigures(2)
    }

    /// `value` as a learner who reads the prompt would round it.
    func round(_ value: Double) -> Double {
        switch self {
        case .decimalPlaces(let places): return Tolerance.rounded(value, decimalPlaces: places)
        case .significantFigures(let figures): return Tolerance.rounded(value, significantFigures: figures)
        }
    }

    var description: String {
        switch self {
        case .decimalPlaces(let places): return "\(places) decimal place\(places == 1 ? "" : "s")"
        case .significantFigures(let figures): return "\(figures) significant figure\(figures == 1 ? "" : "s")"
        }
    }

    private static func count(before noun: String, in text: String) -> Int? {
        let pattern = #"\b(\d+|zero|one|two|three|four|five)\s+"# + noun
        guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
        let word = String(text[range].split(separator: " ")[0])
        return Int(word) ?? numberWords[word]
    }
}
