/// Hidden answer keys: SHA-256 of the salt followed by the normalised answer, in hex.
public enum AnswerHash {
    public static func hex(salt: String, normalisedAnswer: String) -> String {
        SHA256.hex(salt + normalisedAnswer)
    }

    public struct Failure: Error, Equatable, Sendable {
        public let message: String
    }

    /// `answer` in the form the checker hashes a learner's answer in, for a question of `kind` (and, for a
    /// numeric one, `unit`): what `poolschool lint --hash-answer` hashes, so its key can be matched.
    /// A numeric answer with no `unit` given is taken in the unit it is written in (none: a plain number).
    public static func normalise(_ answer: String, kind: QuestionKind, unit: Unit? = nil) throws(Failure) -> String {
        let squeezed = AnswerChecker.squeeze(answer)
        switch kind {
        case .text:
            guard !squeezed.isEmpty else { throw Failure(message: "a text answer cannot be empty") }
            return squeezed
        case .choice:
            let letter = squeezed.hasSuffix(")") ? String(squeezed.dropLast()) : squeezed
            guard letter.count == 1, let index = AnswerChecker.letterIndex(Character(letter)), index < 26 else {
                throw Failure(
                    message:
                        "a hidden choice key is the letter of the right choice as the choices are written (a for the first), not '\(answer)'"
                )
            }
            return letter
        case .multi:
            let letters = squeezed.filter { !$0.isWhitespace && $0 != "," }
            guard !letters.isEmpty, letters.allSatisfy({ AnswerChecker.letterIndex($0) != nil }) else {
                throw Failure(
                    message:
                        "a hidden multi key is the letters of the right choices as the choices are written (a, c), not '\(answer)'"
                )
            }
            return Set(letters.map(String.init)).sorted().joined(separator: ",")
        case .order:
            throw Failure(message: "an order question cannot hide its answer: its items, in order, are the key")
        case .numeric:
            let typed: NumberInput
            do {
                typed = try NumberInput.parse(answer)
            } catch {
                throw Failure(message: "'\(answer)' is not a number (with an optional unit, such as 40 or 18 ms)")
            }
            let questionUnit = unit ?? typed.unit ?? .none
            let written = typed.unit ?? questionUnit
            guard written.dimension == questionUnit.dimension else {
                throw Failure(
                    message:
                        "'\(answer)' is \(written.dimension) but the question's unit '\(questionUnit.symbol)' is \(questionUnit.dimension)"
                )
            }
            return Quantity.format(Quantity(typed.amount, unit: written).amount(in: questionUnit))
        }
    }
}
