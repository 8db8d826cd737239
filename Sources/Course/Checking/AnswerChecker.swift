import Foundation

/// Grades a learner's typed answer against a question's key.
public struct AnswerChecker: Sendable {
    /// The learner's own param values.
    public let values: [String: Quantity]
    /// Order questions: the item indices in the order they were shown.
    public let presented: [Int]

    public init(values: [String: Quantity] = [:], presented: [Int] = []) {
        self.values = values
        self.presented = presented
    }

    public func check(_ input: String, for question: Question) -> Verdict {
        let input = input.trimmingCharacters(in: .whitespaces)
        guard !input.isEmpty else { return .unreadable("type an answer") }
        switch question.kind {
        case .numeric: return checkNumber(input, question)
        case .choice, .multi, .text, .order:
            let normalised: String
            switch Self.normalise(input, for: question, presented: presented) {
            case .success(let text): normalised = text
            case .failure(let problem): return .unreadable(problem.message)
            }
            return matches(normalised, question) ? .correct : .wrong("")
        }
    }

    /// The key's value for this learner, in base units.
    public func keyQuantity(_ question: Question) throws(Expression.Failure) -> Quantity? {
        switch question.key {
        case .number(let quantity): return quantity
        case .expression(let expression, _): return try expression.evaluate(values)
        default: return nil
        }
    }

    private func checkNumber(_ input: String, _ question: Question) -> Verdict {
        let typed: NumberInput
        do {
            typed = try NumberInput.parse(input)
        } catch {
            switch error {
            case .notANumber:
                return .unreadable("'\(input)' is not a number; type one such as 75, 75%, 18 ms or 1,200")
            case .unknownUnit(let unit):
                return .unreadable(
                    "unknown unit '\(unit)'; answer in \(Self.unitName(question.unit)) or a unit like it")
            }
        }
        let unit = typed.unit ?? question.unit
        guard unit.dimension == question.unit.dimension else {
            return .wrong("that is \(unit.dimension); the question asks for \(question.unit.dimension)")
        }
        let answer = Quantity(typed.amount, unit: unit)
        if case .hashed(let salt, let digest) = question.key {
            let normalised = Quantity.format(answer.amount(in: question.unit))
            return AnswerHash.hex(salt: salt, normalisedAnswer: normalised) == digest ? .correct : .wrong("")
        }
        guard let key = try? keyQuantity(question) else { return .wrong("this question's key cannot be computed") }
        if question.tolerance.allows(answer.value - key.value, around: key.value) { return .correct }
        for factor in [10.0, 100, 1000, 60, 3600, 1e6, 1e9, 1024, 1_048_576] {
            for scaled in [answer.value * factor, answer.value / factor]
            where question.tolerance.allows(scaled - key.value, around: key.value) {
                return .close("right magnitude, check the units: the question asks in \(Self.unitName(question.unit))")
            }
        }
        if abs(answer.value - key.value) <= 0.1 * abs(key.value) {
            return .close("close, but outside the tolerance; check your arithmetic")
        }
        return .wrong("")
    }

    private func matches(_ normalised: String, _ question: Question) -> Bool {
        switch question.key {
        case .hashed(let salt, let digest):
            return AnswerHash.hex(salt: salt, normalisedAnswer: normalised) == digest
        case .choice(let index):
            return normalised == Self.letter(index)
        case .multi(let indices):
            return normalised == indices.sorted().map(Self.letter).joined(separator: ",")
        case .text(let accept, let patterns):
            if accept.contains(where: { Self.squeeze($0) == normalised }) { return true }
            // Only guarded patterns, against a bounded answer: a match never backtracks for long.
            guard normalised.count <= PatternGuard.longestAnswer else { return false }
            return patterns.contains { pattern in
                guard PatternGuard.problem(pattern) == nil,
                    let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$", options: [.caseInsensitive])
                else { return false }
                return regex.firstMatch(in: normalised, range: NSRange(normalised.startIndex..., in: normalised)) != nil
            }
        case .order:
            return normalised == (0..<question.items.count).map(Self.letter).joined(separator: ",")
        case .number, .expression:
            return false
        }
    }

    struct Problem: Error {
        let message: String
    }

    /// The canonical form hidden keys are hashed from (see Lessons/README.md, "Hidden answers").
    /// Order answers come back as the items' true positions, so the right answer is always `a,b,c…`.
    static func normalise(_ input: String, for question: Question, presented: [Int]) -> Result<String, Problem> {
        switch question.kind {
        case .numeric:
            return .failure(Problem(message: "numbers are normalised by the numeric checker"))
        case .text:
            return .success(squeeze(input))
        case .choice:
            guard let index = choiceIndex(input, question.choices) else {
                return .failure(
                    Problem(message: "answer with a letter (\(letterRange(question.choices.count))) or a choice's text")
                )
            }
            return .success(letter(index))
        case .multi:
            var indices: Set<Int> = []
            for part in split(input, choices: question.choices) {
                guard let index = choiceIndex(part, question.choices) else {
                    return .failure(
                        Problem(message: "'\(part)' is not one of the choices (\(letterRange(question.choices.count)))")
                    )
                }
                indices.insert(index)
            }
            return .success(indices.sorted().map(letter).joined(separator: ","))
        case .order:
            let letters = input.lowercased().filter { $0.isLetter }
            let shown = presented.isEmpty ? Array(question.items.indices) : presented
            guard letters.count == shown.count, Set(letters).count == shown.count,
                let positions = Optional(letters.compactMap { letterIndex($0) }), positions.count == shown.count,
                positions.allSatisfy({ $0 < shown.count })
            else {
                return .failure(
                    Problem(
                        message:
                            "give every letter \(letterRange(shown.count)) once, in order, e.g. '\(letterRange(shown.count).replacingOccurrences(of: "–", with: " … "))'"
                    ))
            }
            return .success(positions.map { letter(shown[$0]) }.joined(separator: ","))
        }
    }

    /// `a`, `b`, `c`…: how choices and items are labelled.
    public static func letter(_ index: Int) -> String {
        String(UnicodeScalar(UInt8(97 + index)))
    }

    static func letterRange(_ count: Int) -> String {
        count <= 1 ? "a" : "a–\(letter(count - 1))"
    }

    private static func letterIndex(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 97, ascii < 123 else { return nil }
        return Int(ascii - 97)
    }

    /// The choice a letter (`c`, `c)`) or a choice's text names, if any.
    static func choiceIndex(_ input: String, _ choices: [String]) -> Int? {
        let text = squeeze(input)
        if text.count == 1, let index = letterIndex(Character(text)), index < choices.count { return index }
        if text.count == 2, text.hasSuffix(")") || text.hasSuffix("."), let index = letterIndex(text.first!),
            index < choices.count
        {
            return index
        }
        return choices.firstIndex { squeeze($0) == text }
    }

    /// `a, c`, `a c` and `ac` are letters; anything else is split on commas into choice texts.
    private static func split(_ input: String, choices: [String]) -> [String] {
        let compact = input.lowercased().filter { !$0.isWhitespace && $0 != "," }
        if compact.allSatisfy({ letterIndex($0).map { $0 < choices.count } ?? false }) {
            return compact.map(String.init)
        }
        return input.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// Lower case, single spaces, no trailing full stop: how text answers are compared.
    static func squeeze(_ text: String) -> String {
        var words = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        while words.hasSuffix(".") { words.removeLast() }
        return words
    }

    static func unitName(_ unit: Unit) -> String {
        unit.symbol.isEmpty ? "plain numbers" : unit.symbol
    }
}
