/// A unit slip: the learner's number is right in another unit of the question's family
/// (1000 for ms and s, 60 for s and min, 100 for % and fraction), not merely off by a power of ten.
enum UnitSlip {
    /// The units a learner may have meant instead of the question's: the common units of its
    /// family. A count has no family: 200 for 20 connections is a wrong answer, not a slip.
    static func family(of unit: Unit) -> [Unit] {
        let names: [String]
        switch unit.dimension {
        case .time: names = ["ns", "us", "ms", "s", "min", "h"]
        case .rate: names = ["/s", "/min"]
        case .data: names = ["B", "KB", "KiB", "MB", "MiB", "GB", "GiB"]
        case .none where unit == .percent || unit.symbol == "fraction": names = ["%", "fraction"]
        default: names = []
        }
        return names.compactMap(Unit.named)
    }

    /// The unit in which `typed` would have been right, if it is another unit of the family.
    static func unit(
        for typed: NumberInput, question: Question, accepts: (Quantity) -> Bool
    ) -> Unit? {
        let meant = typed.unit ?? question.unit
        return family(of: question.unit).first { candidate in
            candidate.factor != meant.factor && accepts(Quantity(typed.amount, unit: candidate))
        }
    }

    /// What to tell the learner: which unit their number fits, and which the question wants.
    static func message(_ typed: NumberInput, rightIn unit: Unit, question: Question) -> String {
        let number = Quantity.format(typed.amount)
        let asked = AnswerChecker.unitName(question.unit)
        if unit.symbol == "fraction" {
            return "\(number) is a fraction; the question asks in \(asked), as in 50% for a half"
        }
        if question.unit.symbol == "fraction" {
            return "\(number) looks like a percentage; the question asks for a fraction, as in 0.5 for a half"
        }
        if let typedUnit = typed.unit, unit == question.unit {
            return "check the units: \(number) is right in \(asked), not in \(typedUnit.symbol)"
        }
        return "check the units: \(number) would be right in \(unit.symbol), but the question asks in \(asked)"
    }
}
