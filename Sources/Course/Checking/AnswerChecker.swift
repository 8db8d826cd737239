import Foundation

/// Grades a learner's typed answer against a question's key.
public struct AnswerChecker: Sendable {
    /// The learner's own param values.
    public let values: [String: Quantity]
    /// Order questions: the item indices in the order they were shown.
    public let presented: [Int]
    /// Choice and multi questions: the authored index of the choice shown at each letter
    /// (empty: as authored). Answers are graded by authored position, never by shown letter.
    public let choiceOrder: [Int]

    public init(values: [String: Quantity] = [:], presented: [Int] = [], choiceOrder: [Int] = []) {
        self.values = values
        self.presented = presented
        self.choiceOrder = choiceOrder
    }

    public func check(_ input: String, for question: Question) -> Verdict {
        let input = input.trimmingCharacters(in: .whitespaces)
        guard !input.isEmpty else { return .unreadable("type an answer") }
        switch question.kind {
        case .numeric: return checkNumber(input, question)
        case .choice, .multi, .text, .order:
            let normalised: String
            switch Self.normalise(input, for: question, presented: presented, choiceOrder: choiceOrder) {
            case .success(let text): normalised = text
            case .failure(let problem): return .unreadable(problem.message)
            }
            if matches(normalised, question) { return .correct }
            if case .multi(let key) = question.key { return Self.nearMiss(normalised, key: key) }
            return .wrong("")
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
            return .unitSlip(
                "that is \(unit.dimension); the question asks for \(question.unit.dimension), in \(Self.unitName(question.unit))"
            )
        }
        let answer = Quantity(typed.amount, unit: unit)
        // The key's value when it is readable: a hidden one can only be compared for equality.
        var key: Quantity?
        let accepts: (Quantity) -> Bool
        if case .hashed(let salt, let digest) = question.key {
            accepts = {
                AnswerHash.hex(salt: salt, normalisedAnswer: Quantity.format($0.amount(in: question.unit))) == digest
            }
        } else {
            guard let readable = try? keyQuantity(question) else {
                return .wrong("this question's key cannot be computed")
            }
            key = readable
            accepts = {
                question.tolerance.allows($0.value - readable.value, around: readable.value, in: question.unit)
            }
        }
        if accepts(answer) { return .correct }
        if let slip = UnitSlip.unit(for: typed, question: question, accepts: accepts) {
            return .unitSlip(UnitSlip.message(typed, rightIn: slip, question: question))
        }
        if let key, abs(answer.value - key.value) <= 0.1 * abs(key.value) {
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
