/// A hidden key must be the hash of an answer as the checker normalises it, or no learner can ever be right.
/// Choice and multi keys are checked against every answer a learner could give; a numeric key against the
/// common un-normalised forms of whole numbers (`40 connections`, `40.0`). A text key cannot be checked.
struct HashedKeyCheck {
    let question: Question
    let salt: String
    let digest: String

    /// Whole numbers up to this are tried in un-normalised forms against a numeric key.
    static let numbersTried = 1_000
    /// Multi questions with more choices than this have too many answers to try them all.
    static let multiChoicesTried = 10

    func problem() -> LineError? {
        switch question.kind {
        case .choice:
            let letters = question.choices.indices.map(AnswerChecker.letter)
            if letters.contains(where: matches) { return nil }
            let raw = letters.map { $0.uppercased() } + letters.map { $0 + ")" } + question.choices
            return mismatch(raw.first(where: matches), expected: "the letter of the right choice (a for the first)")
        case .multi:
            guard question.choices.count <= Self.multiChoicesTried else { return nil }
            var raw: [String] = []
            for mask in 1..<(1 << question.choices.count) {
                let letters = question.choices.indices.filter { mask & (1 << $0) != 0 }.map(AnswerChecker.letter)
                if matches(letters.joined(separator: ",")) { return nil }
                raw += [", ", " ", ""].map { letters.joined(separator: $0) }
                raw += [",", ", "].map { letters.joined(separator: $0).uppercased() }
            }
            return mismatch(raw.first(where: matches), expected: "the right choices' letters (a,c)")
        case .numeric:
            let symbol = question.unit.symbol
            for number in 0...Self.numbersTried {
                let forms =
                    ["\(number).0", "\(number).00"]
                    + (symbol.isEmpty ? [] : ["\(number) \(symbol)", "\(number)\(symbol)"])
                if let form = forms.first(where: matches) { return mismatch(form, expected: "") }
            }
            return nil
        case .text, .order:
            return nil
        }
    }

    private func matches(_ text: String) -> Bool {
        AnswerHash.hex(salt: salt, normalisedAnswer: text) == digest
    }

    private func mismatch(_ raw: String?, expected: String) -> LineError {
        let at = question.line(of: "answer-hash")
        let kind = question.kind.rawValue
        let unit = question.kind == .numeric && !question.unit.symbol.isEmpty ? " --unit '\(question.unit.symbol)'" : ""
        guard let raw else {
            return LineError(
                line: at,
                message:
                    "question '\(question.id)' has an answer-hash that matches no answer a learner can give, so no one can be right; hash \(expected) with poolschool lint --hash-answer ANSWER --salt '\(salt)' --kind \(kind)",
                code: "answer-hash-unmatched")
        }
        let normal = (try? AnswerHash.normalise(raw, kind: question.kind, unit: question.unit)) ?? raw
        return LineError(
            line: at,
            message:
                "question '\(question.id)' has the answer-hash of '\(raw)', which is not normalised: the checker hashes that answer as '\(normal)', so no one can be right; use poolschool lint --hash-answer '\(raw)' --salt '\(salt)' --kind \(kind)\(unit)",
            code: "answer-hash-not-normalised")
    }
}
