/// Runs one question's own key through the checker, for the params' corners and many draws,
/// so a key that is undefined, in the wrong unit or rejected by its own tolerance is caught.
struct KeyCheck {
    let question: Question
    let params: [ParamSpec]
    let lessonID: String

    func problems() -> [LineError] {
        var problems: [LineError] = []
        let defined = Dictionary(params.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        for name in Placeholders.names(in: question.prompt) + question.hints.flatMap(Placeholders.names)
            + Placeholders.names(in: question.explanation ?? "")
        where defined[name] == nil {
            problems.append(
                LineError(
                    line: question.line,
                    message: "question '\(question.id)' uses '{\(name)}', which is not a param defined above it"))
        }
        switch question.key {
        case .expression(let expression, let source):
            let missing = expression.names.subtracting(defined.keys).sorted()
            guard missing.isEmpty else {
                problems.append(
                    LineError(
                        line: question.line,
                        message:
                            "params leave the answer of '\(question.id)' undefined: \(missing.map { "'\($0)'" }.joined(separator: ", ")) in '\(source)' is not a param defined above it"
                    ))
                return problems
            }
            for values in samples(for: expression.names.sorted().compactMap { defined[$0] }) {
                do {
                    let key = try expression.evaluate(values)
                    guard key.dimension == question.unit.dimension else {
                        problems.append(
                            LineError(
                                line: question.line,
                                message:
                                    "unit mismatch: the answer of '\(question.id)' is \(key.dimension) but its unit '\(question.unit.symbol)' is \(question.unit.dimension)"
                            ))
                        return problems
                    }
                    guard key.value.isFinite else {
                        throw Expression.Failure(message: "the result is not a finite number")
                    }
                    if let problem = selfCheck(key, values) {
                        problems.append(problem)
                        return problems
                    }
                } catch {
                    let at = values.sorted { $0.key < $1.key }.map {
                        "\($0.key) = \($0.value.formatted(in: defined[$0.key]!.unit))"
                    }
                    problems.append(
                        LineError(
                            line: question.line,
                            message:
                                "params leave the answer of '\(question.id)' undefined when \(at.joined(separator: ", ")): \((error as? Expression.Failure)?.message ?? "\(error)")"
                        ))
                    return problems
                }
            }
        case .number(let key):
            if let problem = selfCheck(key, [:]) { problems.append(problem) }
        case .choice(let index):
            problems += letterReferences()
            expectCorrect(AnswerChecker.letter(index), &problems)
            expectCorrect(question.choices[index], &problems)
        case .multi(let indices):
            problems += letterReferences()
            expectCorrect(indices.sorted().map(AnswerChecker.letter).joined(separator: ", "), &problems)
        case .text(let accept, _):
            for form in accept { expectCorrect(form, &problems) }
        case .order:
            expectCorrect((0..<question.items.count).map(AnswerChecker.letter).joined(separator: " "), &problems)
        case .hashed:
            break  // Nothing readable to check; `--hash-answer` made it from the same normalisation.
        }
        return problems
    }

    /// The key, typed as a learner would in the question's unit, must pass; so must the key
    /// rounded to the precision the prompt asks for (two significant figures when it says nothing).
    private func selfCheck(_ key: Quantity, _ values: [String: Quantity]) -> LineError? {
        let checker = AnswerChecker(values: values)
        let typed = key.formatted(in: question.unit)
        let verdict = checker.check(typed, for: question)
        guard verdict == .correct else {
            return LineError(
                line: question.line,
                message:
                    "question '\(question.id)' rejects its own answer '\(typed)' (\(verdict)); give it a tolerance")
        }
        let precision = PromptPrecision.of(question.prompt)
        let rounded = Quantity(precision.round(key.amount(in: question.unit)), unit: question.unit)
        let roundedText = rounded.formatted(in: question.unit)
        guard checker.check(roundedText, for: question) != .correct else { return nil }
        return LineError(
            line: question.line,
            message:
                "question '\(question.id)' rejects '\(roundedText)', its answer \(typed) rounded to \(precision.description) as its prompt asks; widen its tolerance or say the precision in the prompt"
        )
    }

    /// Choices are shown shuffled per learner, so "(b)" in a hint or explanation names a different
    /// choice for each learner.
    private func letterReferences() -> [LineError] {
        let letters = "[a-\(AnswerChecker.letter(max(0, question.choices.count - 1)))]"
        let pattern = "\\(\(letters)(?:\\s*,\\s*\(letters))*\\)"
        return (question.hints + [question.explanation ?? ""]).compactMap { text in
            guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
            return LineError(
                line: question.line,
                message:
                    "question '\(question.id)' refers to a choice by its letter, '\(text[range])', but each learner sees the choices in another order; name the choice instead"
            )
        }
    }

    private func expectCorrect(_ typed: String, _ problems: inout [LineError]) {
        let verdict = AnswerChecker().check(typed, for: question)
        if verdict != .correct {
            problems.append(
                LineError(
                    line: question.line,
                    message: "question '\(question.id)' rejects its own answer '\(typed)' (\(verdict))"))
        }
    }

    /// The all-low and all-high corners, then draws for many seeds.
    private func samples(for specs: [ParamSpec]) -> [[String: Quantity]] {
        var samples: [[String: Quantity]] = [
            Dictionary(specs.map { ($0.name, Quantity($0.low, unit: $0.unit)) }, uniquingKeysWith: { a, _ in a }),
            Dictionary(specs.map { ($0.name, Quantity($0.high, unit: $0.unit)) }, uniquingKeysWith: { a, _ in a }),
        ]
        for seed in 0..<40 as Range<UInt64> {
            var draw = ParamDraw(seed: seed, salt: lessonID)
            samples.append(Dictionary(specs.map { ($0.name, draw.pick($0)) }, uniquingKeysWith: { a, _ in a }))
        }
        return samples
    }
}
