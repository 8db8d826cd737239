/// Runs one question's own key through the checker, for the params' corners and many learners' draws,
/// so a key that is undefined, negative, in the wrong unit or rejected by its own tolerance is caught.
struct KeyCheck {
    let question: Question
    let params: [ParamSpec]
    let lessonID: String
    /// Names already reported (params whose line could not be read, names no params block defines): their uses
    /// are not reported again. The names this question reports are added.
    var unread: Set<String> = []

    /// How many learners' draws lint tries, seeds 0 to 199: the ones `--seed N` shows. Each key is evaluated
    /// for all of them (cheap: undefined, negative, unit); the first `checkedSeeds` and the corners also go
    /// through the answer checker (dearer: does its own tolerance accept it, and its rounding).
    static let seeds = 200
    static let checkedSeeds: UInt64 = 40

    mutating func problems() -> [LineError] {
        var problems: [LineError] = []
        let defined = Dictionary(params.map { ($0.name, $0) }, uniquingKeysWith: { _, last in last })
        let texts =
            [(question.prompt, question.line(of: "prompt"))] + zip(question.hints, question.hintLines).map { ($0, $1) }
            + [(question.explanation ?? "", question.explanationLine ?? question.line)]
        for (text, line) in texts {
            for name in Placeholders.names(in: text) where defined[name] == nil && !unread.contains(name) {
                unread.insert(name)
                let hint =
                    EditDistance.suggestion(for: name, among: defined.keys.sorted()).map {
                        "; did you mean '{\($0)}'?"
                    } ?? ""
                problems.append(
                    LineError(
                        line: line,
                        message:
                            "question '\(question.id)' uses '{\(name)}', which is not a param defined above it\(hint)",
                        code: "unknown-param"))
            }
        }
        let answerLine = question.line(of: "answer")
        switch question.key {
        case .expression(let expression, let source):
            let names = expression.names
            guard names.isDisjoint(with: unread) else { return problems }
            let missing = names.subtracting(defined.keys).sorted()
            unread.formUnion(missing)
            guard missing.isEmpty else {
                problems.append(
                    LineError(
                        line: answerLine,
                        message:
                            "params leave the answer of '\(question.id)' undefined: \(missing.map { "'\($0)'" }.joined(separator: ", ")) in '\(source)' is not a param defined above it",
                        code: "unknown-param"))
                return problems
            }
            if let problem = checkDraws(expression, specs: names.sorted().compactMap { defined[$0] }) {
                problems.append(problem)
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
        case .hashed(let salt, let digest):
            problems += letterReferences()
            if let problem = HashedKeyCheck(question: question, salt: salt, digest: digest).problem() {
                problems.append(problem)
            }
        }
        return problems
    }

    /// The key for every sampled learner: defined, finite, in the question's unit, not negative where a
    /// negative makes no sense, and accepted by the checker. The first learner it fails for is named.
    private func checkDraws(_ expression: Expression, specs: [ParamSpec]) -> LineError? {
        let answerLine = question.line(of: "answer")
        var firstNegative: (Quantity, ParamSample)?
        var sawPositive = false
        for sample in ParamSample.samples(specs, lessonID: lessonID, seeds: Self.seeds) {
            let key: Quantity
            do {
                key = try expression.evaluate(sample.values)
                guard key.value.isFinite else { throw Expression.Failure(message: "the result is not a finite number") }
            } catch {
                return LineError(
                    line: answerLine,
                    message:
                        "params leave the answer of '\(question.id)' undefined \(sample.describe(specs)): \((error as? Expression.Failure)?.message ?? "\(error)")",
                    code: "answer-undefined")
            }
            guard key.dimension == question.unit.dimension else {
                return LineError(
                    line: answerLine,
                    message:
                        "unit mismatch: the answer of '\(question.id)' is \(key.dimension) but its unit '\(question.unit.symbol)' is \(question.unit.dimension)",
                    code: "unit")
            }
            // A negative time, share, rate, size or count is a mistake in the formula or the params' ranges; a
            // plain number may be negative by design, but then for every learner, not for some.
            if key.value < 0, firstNegative == nil { firstNegative = (key, sample) }
            if key.value > 0 { sawPositive = true }
            if let negative = firstNegative, !question.unit.symbol.isEmpty || sawPositive {
                return negativeKey(negative.0, negative.1, specs)
            }
            if sample.seed.map({ $0 < Self.checkedSeeds }) ?? true, let problem = selfCheck(key, sample.values) {
                return problem
            }
        }
        return nil
    }

    private func negativeKey(_ key: Quantity, _ sample: ParamSample, _ specs: [ParamSpec]) -> LineError {
        LineError(
            line: question.line(of: "answer"),
            message:
                "the answer of '\(question.id)' is negative (\(key.formatted(in: question.unit))) \(sample.describe(specs)); narrow the params' ranges or change the formula",
            code: "answer-negative")
    }

    /// The key, typed as a learner would in the question's unit, must pass; so must the key
    /// rounded to the precision the prompt asks for (two significant figures when it says nothing).
    private func selfCheck(_ key: Quantity, _ values: [String: Quantity]) -> LineError? {
        let checker = AnswerChecker(values: values)
        let typed = key.formatted(in: question.unit)
        let verdict = checker.check(typed, for: question)
        let at = question.keyLines["tolerance"] ?? question.line(of: "answer")
        guard verdict == .correct else {
            return LineError(
                line: at,
                message:
                    "question '\(question.id)' rejects its own answer '\(typed)' (\(verdict)); give it a tolerance",
                code: "answer-rejected")
        }
        let precision = PromptPrecision.of(question.prompt)
        let rounded = Quantity(precision.round(key.amount(in: question.unit)), unit: question.unit)
        let roundedText = rounded.formatted(in: question.unit)
        guard checker.check(roundedText, for: question) != .correct else { return nil }
        return LineError(
            line: at,
            message:
                "question '\(question.id)' rejects '\(roundedText)', its answer \(typed) rounded to \(precision.description) as its prompt asks; widen its tolerance or say the precision in the prompt",
            code: "answer-rounding")
    }

    /// Choices are shown shuffled per learner, so "(b)" in a hint or explanation names a different
    /// choice for each learner.
    private func letterReferences() -> [LineError] {
        let letters = "[a-\(AnswerChecker.letter(max(0, question.choices.count - 1)))]"
        let pattern = "\\(\(letters)(?:\\s*,\\s*\(letters))*\\)"
        let texts =
            zip(question.hints, question.hintLines).map { ($0, $1) }
            + [(question.explanation ?? "", question.explanationLine ?? question.line)]
        return texts.compactMap { text, line in
            guard let range = text.range(of: pattern, options: .regularExpression) else { return nil }
            return LineError(
                line: line,
                message:
                    "question '\(question.id)' refers to a choice by its letter, '\(text[range])', but each learner sees the choices in another order; name the choice instead",
                code: "choice-letter")
        }
    }

    private func expectCorrect(_ typed: String, _ problems: inout [LineError]) {
        let verdict = AnswerChecker().check(typed, for: question)
        if verdict != .correct {
            problems.append(
                LineError(
                    line: question.line(of: question.kind == .order ? "items" : "answer"),
                    message: "question '\(question.id)' rejects its own answer '\(typed)' (\(verdict))",
                    code: "answer-rejected"))
        }
    }
}
