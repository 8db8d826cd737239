import Foundation

/// Draws many learners' params and looks at every numeric key they get: one that is undefined or not finite,
/// negative, outside the range its question states, or not a clean number for the precision its prompt asks:
/// half-way between two answers at a precision the prompt states, or a fraction of a thing (connections,
/// requests…, not an average) when the prompt does
/// not say how to round.
///
/// Lint samples params its own way (the draws of seeds 0 to 199, and every param at its lowest and highest;
/// the answer checker only on the first 40 seeds and the corners); this sweep uses named learners' draws,
/// the ones `preview --as NAME` shows, so a finding can be looked at learner by learner.
public struct KeySweep: Sendable {
    /// One question that went wrong for some learners: what, for how many, and the first learner it hit.
    public struct Finding: Sendable, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let question: String
        public let problem: String
        public let learners: Int
        public let example: String

        public var description: String {
            "\(file):\(line): question '\(question)': \(problem) for \(learners) learner(s), e.g. \(example)"
        }
    }

    /// Learners as `(name, seed)`.
    public let learners: [(name: String, seed: UInt64)]

    public init(learners: [(name: String, seed: UInt64)]) {
        self.learners = learners
    }

    /// `count` learners named `learner-1` … `learner-N`, each with the seed their name gives, so a finding's
    /// learner can be previewed with `--as learner-7`.
    public static func named(_ count: Int) -> KeySweep {
        KeySweep(
            learners: (1...max(1, count)).map { ("learner-\($0)", ParamDraw.seed(forLearner: "learner-\($0)")) })
    }

    public func findings(in lesson: Lesson) -> [Finding] {
        var findings: [Finding] = []
        let draws = learners.map { (name: $0.name, values: lesson.values(seed: $0.seed)) }
        let units = Dictionary(lesson.params.map { ($0.name, $0.unit) }, uniquingKeysWith: { first, _ in first })
        for question in lesson.questions where question.kind == .numeric {
            var counts: [String: (count: Int, example: String)] = [:]
            var order: [String] = []
            for draw in draws {
                guard let found = problem(question, draw.values, units) else { continue }
                let (problem, detail) = found
                if counts[problem] == nil { order.append(problem) }
                let example = counts[problem]?.example ?? "\(draw.name): \(detail)"
                counts[problem] = ((counts[problem]?.count ?? 0) + 1, example)
            }
            for problem in order {
                findings.append(
                    Finding(
                        file: lesson.file, line: question.line, question: question.id, problem: problem,
                        learners: counts[problem]!.count, example: counts[problem]!.example))
            }
        }
        return findings
    }

    /// The problem class (for counting) and this learner's detail, or nil when the key is fine.
    private func problem(_ question: Question, _ values: [String: Quantity], _ units: [String: Unit])
        -> (String, String)?
    {
        let key: Quantity
        var names: Set<String> = []
        switch question.key {
        case .number(let quantity): key = quantity
        case .expression(let expression, _):
            names = expression.names
            do {
                key = try expression.evaluate(values)
            } catch {
                return (
                    "the key is undefined", error.message + " when " + Self.describe(values, expression.names, units)
                )
            }
        default: return nil
        }
        let amount = key.amount(in: question.unit)
        let shown = key.formatted(in: question.unit)
        let at = names.isEmpty ? "" : " when " + Self.describe(values, names, units)
        guard amount.isFinite else { return ("the key is not a finite number", "\(shown)\(at)") }
        if amount < 0 { return ("the key is negative", "\(shown)\(at)") }
        if let range = question.range, !range.contains(amount) {
            return (
                "the key is outside the question's range \(Quantity.format(range.lowerBound))..\(Quantity.format(range.upperBound))",
                "\(shown)\(at)"
            )
        }
        let precision = PromptPrecision.of(question.prompt)
        if Self.statesPrecision(question.prompt) {
            // Told how to round, a learner still cannot choose between two answers for a key half-way between them.
            let scaled = precision.scaled(amount)
            if abs(abs(scaled - scaled.rounded(.towardZero)) - 0.5) < 1e-9 {
                return (
                    "the key is half-way between two answers at the \(precision.description) its prompt asks",
                    "\(shown)\(at)"
                )
            }
        } else if Self.countUnits.contains(question.unit.symbol), abs(amount - amount.rounded()) > 1e-9,
            question.prompt.range(of: #"\b(average|mean)\b"#, options: [.regularExpression, .caseInsensitive]) == nil
        {
            // Not told how to round, a learner asked for a number of things (not an average) expects a whole one.
            return (
                "the key is not a whole number of \(question.unit.symbol) and the prompt does not say how to round",
                "\(shown)\(at)"
            )
        }
        return nil
    }

    /// Units that count things: a key in them should be whole unless the prompt asks for decimals.
    static let countUnits: Set<String> = [
        "connections", "requests", "clients", "servers", "instances", "cores", "threads",
    ]

    static func statesPrecision(_ prompt: String) -> Bool {
        prompt.range(
            of:
                #"decimal places?|significant (figures?|digits?)|\bwhole\b|nearest (integer|whole)|round(ed|ing)? (it )?(up|down|to)"#,
            options: [.regularExpression, .caseInsensitive]) != nil
    }

    private static func describe(_ values: [String: Quantity], _ names: Set<String>, _ units: [String: Unit])
        -> String
    {
        values.filter { names.contains($0.key) }.sorted { $0.key < $1.key }
            .map { "\($0.key) = \($0.value.formatted(in: units[$0.key] ?? .none))" }.joined(separator: ", ")
    }
}

extension PromptPrecision {
    /// `value` scaled so that the precision's last digit is the units digit: 12.35 at one decimal place is 123.5.
    func scaled(_ value: Double) -> Double {
        switch self {
        case .decimalPlaces(let places): return value * pow(10, Double(places))
        case .significantFigures(let figures):
            guard value.isFinite, value != 0 else { return value }
            return value / pow(10, Double(Int(floor(log10(abs(value)))) - figures + 1))
        }
    }
}
