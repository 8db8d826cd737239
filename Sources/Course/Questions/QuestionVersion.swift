/// Which version of a question a learner answered: a short content hash of what defines the question, so
/// that a question changed after learners answered it is asked again, and the change shows.
///
/// Hints and explanations are left out on purpose: rewording a hint does not make an answer wrong.
extension Lesson {
    /// Twelve hex digits of SHA-256 over the question's kind, prompt, key, unit, tolerance, choices, items
    /// and the params its prompt and key use (a new range for a param changes every learner's key).
    public func version(of question: Question) -> String {
        var used = Set(Placeholders.names(in: question.prompt))
        if case .expression(let expression, _) = question.key { used.formUnion(expression.names) }
        var parts = [
            "kind=" + question.kind.rawValue,
            "prompt=" + question.prompt,
            "key=" + Self.describe(question.key, items: question.items),
            "unit=" + question.unit.symbol,
            "tolerance=" + Self.describe(question.tolerance),
            "choices=" + question.choices.joined(separator: "\u{1F}"),
            "items=" + question.items.joined(separator: "\u{1F}"),
        ]
        for spec in params where used.contains(spec.name) {
            parts.append("param=\(spec.name) \(spec.low) \(spec.high) \(spec.step) \(spec.unit.symbol)")
        }
        return String(SHA256.hex(parts.joined(separator: "\u{1E}")).prefix(12))
    }

    /// Every param spec of the lesson, in file order.
    public var params: [ParamSpec] {
        pages.flatMap { page in
            page.blocks.flatMap { block -> [ParamSpec] in
                if case .params(let specs) = block { return specs }
                return []
            }
        }
    }

    private static func describe(_ key: AnswerKey, items: [String]) -> String {
        switch key {
        case .number(let quantity): return "number \(quantity.value) \(quantity.dimension)"
        case .expression(_, let source): return "expression " + source
        case .choice(let index): return "choice \(index)"
        case .multi(let indices): return "multi " + indices.sorted().map(String.init).joined(separator: ",")
        case .text(let accept, let patterns):
            return "text " + accept.joined(separator: "\u{1F}") + "\u{1D}" + patterns.joined(separator: "\u{1F}")
        case .order: return "order"
        case .hashed(let salt, let digest): return "hashed \(salt) \(digest)"
        }
    }

    private static func describe(_ tolerance: Tolerance) -> String {
        switch tolerance {
        case .exact: return "exact"
        case .sensible: return "sensible"
        case .absolute(let amount): return "absolute \(amount)"
        case .relative(let fraction): return "relative \(fraction)"
        }
    }
}
