import Foundation

extension AnswerChecker {
    struct Problem: Error {
        let message: String
    }

    /// The canonical form hidden keys are hashed from (see Lessons/README.md, "Hidden answers").
    /// Order answers come back as the items' true positions, so the right answer is always `a,b,c…`.
    /// Choices come back as their authored letters whatever order they were shown in, so a hidden
    /// key hashed from the authored letter keeps working when choices are shuffled.
    static func normalise(
        _ input: String, for question: Question, presented: [Int], choiceOrder: [Int] = []
    ) -> Result<String, Problem> {
        switch question.kind {
        case .numeric:
            return .failure(Problem(message: "numbers are normalised by the numeric checker"))
        case .text:
            return .success(squeeze(input))
        case .choice:
            guard let index = choiceIndex(input, question.choices, shown: choiceOrder) else {
                return .failure(
                    Problem(message: "answer with a letter (\(letterRange(question.choices.count))) or a choice's text")
                )
            }
            return .success(letter(index))
        case .multi:
            var indices: Set<Int> = []
            for part in split(input, choices: question.choices) {
                guard let index = choiceIndex(part, question.choices, shown: choiceOrder) else {
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

    static func letterIndex(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 97, ascii < 123 else { return nil }
        return Int(ascii - 97)
    }

    /// The authored index of the choice a letter (`c`, `c)`) or a choice's text names, if any.
    /// `shown[i]` is the authored index of the choice shown at letter i (empty: as authored).
    static func choiceIndex(_ input: String, _ choices: [String], shown: [Int] = []) -> Int? {
        let text = squeeze(input)
        var position: Int?
        if text.count == 1, let index = letterIndex(Character(text)) { position = index }
        if text.count == 2, text.hasSuffix(")") || text.hasSuffix("."), let index = letterIndex(text.first!) {
            position = index
        }
        if let position, position < choices.count {
            return shown.count == choices.count ? shown[position] : position
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

    /// A multi answer that is not all and only the right ones: how many of each it has.
    static func nearMiss(_ normalised: String, key: Set<Int>) -> Verdict {
        let chosen = Set(normalised.split(separator: ",").compactMap { $0.first.flatMap(letterIndex) })
        let right = chosen.intersection(key).count
        let wrong = chosen.subtracting(key).count
        let message = "\(right) of \(key.count) right, \(wrong) wrong chosen"
        return right > 0 ? .close(message) : .wrong(message)
    }
}
