import Foundation
import Yams

/// Turns a `question` block's YAML into a `Question`, reporting every problem with its line.
struct QuestionDecoder {
    private(set) var block: YAMLBlock
    let line: Int
    var problems: [LineError] = []

    static let keys = [
        "id", "kind", "prompt", "answer", "unit", "tolerance", "choices", "accept", "patterns", "items", "answer-hash",
        "salt", "range",
    ]

    init(block: YAMLBlock, line: Int) {
        self.block = block
        self.line = line
    }

    mutating func decode() -> Question? {
        let (resolved, typos) = block.resolvingTypos(known: Self.keys) { key, suggestion in
            "unknown key '\(key)' in question" + (suggestion.map { "; did you mean '\($0)'?" } ?? "")
        }
        block = resolved
        problems += typos
        guard let id = text("id") else {
            problem(line, "question has no 'id'", "question-missing")
            return nil
        }
        guard let kindText = text("kind") else {
            problem(line, "question '\(id)' has no 'kind'; use one of \(kinds)", "question-missing")
            return nil
        }
        guard let kind = QuestionKind(rawValue: kindText) else {
            let hint =
                EditDistance.suggestion(for: kindText, among: QuestionKind.allCases.map(\.rawValue)).map {
                    "did you mean '\($0)'? "
                } ?? ""
            problem(
                block.line("kind"), "question '\(id)' has unknown kind '\(kindText)'; \(hint)use one of \(kinds)",
                "question-kind")
            return nil
        }
        checkKeysApply(to: kind, id: id)
        if !id.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) {
            problem(block.line("id"), "question id '\(id)' may use only letters, digits, '-' and '_'", "question-id")
        }
        let prompt = text("prompt") ?? ""
        if prompt.isEmpty {
            problem(
                block.value("prompt") == nil ? line : block.line("prompt"), "question '\(id)' has no 'prompt'",
                "question-missing")
        }
        let choices = list("choices") ?? []
        let items = list("items") ?? []
        checkDistinct("choices", choices, id: id)
        checkDistinct("items", items, id: id)
        var unit = Unit.none
        if let unitName = text("unit") {
            guard let found = Unit.named(unitName) else {
                // Every unit check after this would only repeat it.
                problem(
                    block.line("unit"),
                    "question '\(id)' has unknown unit '\(unitName)' (see 'Units' in Lessons/README.md)", "unit")
                return nil
            }
            unit = found
        }
        let tolerance = decodeTolerance(id: id, unit: unit)
        guard let key = decodeKey(id: id, kind: kind, unit: unit, choices: choices, items: items, tolerance: tolerance)
        else { return nil }
        var question = Question(
            id: id, kind: kind, prompt: prompt, key: key, unit: unit, tolerance: tolerance, choices: choices,
            items: items, line: line)
        for entry in block.entries where question.keyLines[entry.key] == nil {
            question.keyLines[entry.key] = entry.line
        }
        question.range = decodeRange(id: id, kind: kind)
        return question
    }

    /// The kinds each kind-specific key is for (Lessons/README.md's table); on another kind it would be ignored.
    static let keyKinds: [String: [QuestionKind]] = [
        "answer": [.numeric, .choice, .multi], "unit": [.numeric], "tolerance": [.numeric],
        "choices": [.choice, .multi], "accept": [.text], "patterns": [.text], "items": [.order],
        "range": [.numeric],
    ]

    private mutating func checkKeysApply(to kind: QuestionKind, id: String) {
        for entry in block.entries {
            guard let kinds = Self.keyKinds[entry.key], !kinds.contains(kind) else { continue }
            // An order question's stray answer is reported with its key; a text question's is read as 'accept'.
            if entry.key == "answer", kind == .order || block.value("answer-hash") != nil { continue }
            let message =
                entry.key == "answer" && kind == .text
                ? "text question '\(id)' takes its answers from 'accept' (or 'patterns'), not 'answer'; rename it 'accept'"
                : "'\(entry.key)' is for \(kinds.map(\.rawValue).joined(separator: " and ")) questions, and '\(id)' is a \(kind.rawValue) question; remove it"
            problem(entry.line, message, "question-key")
        }
        // Without any key, the salt is what is left of a hidden one: the missing answer is the one message.
        let keyed = ["answer", "accept", "patterns", "items"].contains { block.value($0) != nil }
        if block.value("salt") != nil, block.value("answer-hash") == nil, keyed {
            problem(block.line("salt"), "question '\(id)' has a 'salt' but no 'answer-hash'; remove it", "answer-hash")
        }
    }

    /// Two choices (or items) that read the same cannot be told apart: a learner cannot pick the right one.
    private mutating func checkDistinct(_ key: String, _ values: [String], id: String) {
        var seen: [String: Int] = [:]
        for (index, value) in values.enumerated() {
            let text = AnswerChecker.squeeze(value)
            if let first = seen[text] {
                problem(
                    block.itemLine(key, index),
                    "question '\(id)' lists '\(value)' twice in '\(key)' (\(AnswerChecker.letter(first)) and \(AnswerChecker.letter(index))); a learner cannot tell them apart",
                    "duplicate-\(key == "items" ? "item" : "choice")")
                return
            }
            seen[text] = index
        }
    }

    /// `range: LOW..HIGH`: where a numeric key must fall for every learner, in the question's unit;
    /// `preview --all-seeds` reports draws that leave it.
    private mutating func decodeRange(id: String, kind: QuestionKind) -> ClosedRange<Double>? {
        // On another kind, `checkKeysApply` reported it.
        guard kind == .numeric, let text = text("range") else { return nil }
        let at = block.line("range")
        let bounds = text.components(separatedBy: "..").map { $0.trimmingCharacters(in: .whitespaces) }
        guard bounds.count == 2, let low = Double(bounds[0]), let high = Double(bounds[1]), low.isFinite,
            high.isFinite, low <= high
        else {
            problem(
                at, "question '\(id)' has range '\(text)'; write LOW..HIGH in the question's unit, e.g. 0..100",
                "question-range")
            return nil
        }
        return low...high
    }

    private var kinds: String { QuestionKind.allCases.map(\.rawValue).joined(separator: ", ") }

    private mutating func decodeTolerance(id: String, unit: Unit) -> Tolerance {
        // A hidden key can only be compared exactly; a readable one accepts sensible rounding.
        let hidden = text("answer-hash") != nil
        guard let text = text("tolerance") else { return hidden ? .exact : .sensible }
        let at = block.line("tolerance")
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        if trimmed.lowercased() == "exact" { return .exact }
        if trimmed.hasSuffix("%"), let percent = Double(trimmed.dropLast().trimmingCharacters(in: .whitespaces)) {
            if percent < 0 {
                problem(at, "question '\(id)' has tolerance \(trimmed); tolerance must be >= 0", "tolerance")
            }
            return .relative(max(0, percent) / 100)
        }
        guard let typed = try? NumberInput.parse(trimmed) else {
            problem(
                at,
                "question '\(id)' has tolerance '\(trimmed)'; write a number (0.5), with a unit (0.5 ms), 2%, or exact",
                "tolerance")
            return .exact
        }
        let toleranceUnit = typed.unit ?? unit
        if toleranceUnit.dimension != unit.dimension {
            problem(
                at,
                "unit mismatch: question '\(id)' has tolerance in \(toleranceUnit.dimension) but its unit '\(unit.symbol)' is \(unit.dimension)",
                "tolerance")
        }
        if typed.amount < 0 {
            problem(at, "question '\(id)' has tolerance \(trimmed); tolerance must be >= 0", "tolerance")
            return .exact
        }
        return .absolute(typed.amount * toleranceUnit.factor)
    }

    private mutating func decodeKey(
        id: String, kind: QuestionKind, unit: Unit, choices: [String], items: [String], tolerance: Tolerance
    ) -> AnswerKey? {
        if let digest = text("answer-hash") {
            return decodeHash(id: id, kind: kind, digest: digest, tolerance: tolerance)
        }
        let answerLine = block.line("answer")
        switch kind {
        case .numeric:
            guard let answer = text("answer") else { return missingAnswer(id) }
            if answer.hasPrefix("=") {
                do {
                    return .expression(try ExpressionParser.parse(String(answer.dropFirst())), source: answer)
                } catch {
                    problem(
                        answerLine, "question '\(id)' has an answer that is not a valid expression: \(error.message)",
                        "answer")
                    return nil
                }
            }
            guard let typed = try? NumberInput.parse(answer) else {
                problem(
                    answerLine, "question '\(id)' has answer '\(answer)', which is not a number (or '= expression')",
                    "answer")
                return nil
            }
            let answerUnit = typed.unit ?? unit
            if answerUnit.dimension != unit.dimension {
                problem(
                    answerLine,
                    "unit mismatch: question '\(id)' has answer '\(answer)', \(answerUnit.dimension), but its unit '\(unit.symbol)' is \(unit.dimension)",
                    "answer")
            }
            return .number(Quantity(typed.amount, unit: answerUnit))
        case .choice:
            guard choices.count >= 2 else {
                problem(
                    block.line("choices"), "choice question '\(id)' needs at least two 'choices'", "question-choices")
                return nil
            }
            guard let answer = text("answer") else { return missingAnswer(id) }
            guard let index = AnswerChecker.choiceIndex(answer, choices) else {
                problem(
                    answerLine,
                    "question '\(id)' has answer '\(answer)', which is not a letter \(AnswerChecker.letterRange(choices.count)) or one of its choices",
                    "answer")
                return nil
            }
            return .choice(index)
        case .multi:
            guard choices.count >= 2 else {
                problem(
                    block.line("choices"), "multi question '\(id)' needs at least two 'choices'", "question-choices")
                return nil
            }
            guard let answers = list("answer"), !answers.isEmpty else { return missingAnswer(id) }
            var indices: Set<Int> = []
            for answer in answers {
                guard let index = AnswerChecker.choiceIndex(answer, choices) else {
                    let list = answer.contains(",") ? "; write the right choices as a list, e.g. [a, c]" : ""
                    problem(
                        answerLine,
                        "question '\(id)' has answer '\(answer)', which is not a letter \(AnswerChecker.letterRange(choices.count)) or one of its choices\(list)",
                        "answer")
                    return nil
                }
                indices.insert(index)
            }
            return .multi(indices)
        case .text:
            let accept = list("accept") ?? list("answer") ?? []
            let patterns = list("patterns") ?? []
            guard !accept.isEmpty || !patterns.isEmpty else { return missingAnswer(id, "'accept' or 'patterns'") }
            for pattern in patterns {
                if let reason = PatternGuard.problem(pattern) {
                    problem(
                        block.line("patterns"), "question '\(id)' has pattern '\(pattern)', which \(reason)", "pattern")
                } else if (try? NSRegularExpression(pattern: pattern)) == nil {
                    problem(
                        block.line("patterns"),
                        "question '\(id)' has pattern '\(pattern)', which is not a valid regular expression", "pattern")
                }
            }
            return .text(accept: accept, patterns: patterns)
        case .order:
            guard items.count >= 2 else {
                problem(
                    block.line("items"), "order question '\(id)' needs at least two 'items', listed in the right order",
                    "question-items")
                return nil
            }
            if block.value("answer") != nil {
                problem(
                    answerLine,
                    "order question '\(id)' takes its key from 'items' (in the right order); remove 'answer'", "answer")
            }
            return .order
        }
    }

    private mutating func decodeHash(id: String, kind: QuestionKind, digest: String, tolerance: Tolerance) -> AnswerKey?
    {
        let at = block.line("answer-hash")
        let hex = digest.hasPrefix("sha256:") ? String(digest.dropFirst(7)) : ""
        guard hex.count == 64, hex.allSatisfy(\.isHexDigit) else {
            problem(
                at,
                "question '\(id)' has answer-hash '\(digest)'; expected 'sha256:' and 64 hex digits (poolschool lint --hash-answer)",
                "answer-hash")
            return nil
        }
        guard let salt = text("salt"), !salt.isEmpty else {
            problem(at, "question '\(id)' has an answer-hash but no 'salt'", "answer-hash")
            return nil
        }
        if kind == .order {
            problem(at, "order question '\(id)' cannot hide its answer: its items are the key", "answer-hash")
        }
        if kind == .numeric, tolerance != .exact {
            problem(
                block.line("tolerance"),
                "question '\(id)' has a hidden answer, which must be exact; remove 'tolerance'", "answer-hash")
        }
        for key in ["answer", "accept", "patterns"] where block.value(key) != nil {
            problem(block.line(key), "question '\(id)' has both '\(key)' and 'answer-hash'; keep one", "answer-hash")
        }
        if kind == .choice || kind == .multi, (list("choices") ?? []).count < 2 {
            problem(
                block.line("choices"), "\(kind.rawValue) question '\(id)' needs at least two 'choices'",
                "question-choices")
            return nil
        }
        return .hashed(salt: salt, digest: hex.lowercased())
    }

    private mutating func missingAnswer(_ id: String, _ what: String = "'answer'") -> AnswerKey? {
        let hidden = block.value("salt") != nil ? " (it has a 'salt': is its 'answer-hash' missing?)" : ""
        problem(line, "missing answer: question '\(id)' has no \(what)\(hidden)", "question-missing")
        return nil
    }

    private func text(_ key: String) -> String? {
        block.value(key)?.scalar?.string
    }

    private func list(_ key: String) -> [String]? {
        block.value(key)?.strings
    }

    private mutating func problem(_ line: Int, _ message: String, _ code: String = "question") {
        problems.append(LineError(line: line, message: message, code: code))
    }
}
