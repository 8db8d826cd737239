/// Parses `setup / (setup + 6 ms)`, `max(2, ceil(rate * hold))`, `2 ^ 10` by recursive descent.
/// A number may carry a unit right after it (`6 ms`, `75%`).
public struct ExpressionParser {
    private let characters: [Character]
    private var index = 0
    /// How deep the descent is now: parentheses, calls, powers and signs all pass through `unary`.
    private var depth = 0

    public static func parse(_ text: String) throws(Expression.Failure) -> Expression {
        guard text.count <= LessonLimits.expressionCharacters else {
            throw Expression.Failure(
                message: "the expression is \(text.count) characters long; at most \(LessonLimits.expressionCharacters)"
            )
        }
        var parser = ExpressionParser(characters: Array(text))
        let expression = try parser.sum()
        parser.skipSpaces()
        guard parser.index == parser.characters.count else {
            throw Expression.Failure(message: "unexpected '\(parser.characters[parser.index])' in '\(text)'")
        }
        return expression
    }

    private init(characters: [Character]) {
        self.characters = characters
    }

    private mutating func sum() throws(Expression.Failure) -> Expression {
        var result = try product()
        while let op = peek(), op == "+" || op == "-" {
            index += 1
            result = .binary(op, result, try product())
        }
        return result
    }

    private mutating func product() throws(Expression.Failure) -> Expression {
        var result = try power()
        while let op = peek(), op == "*" || op == "/" || op == "×" || op == "÷" {
            index += 1
            result = .binary(op == "×" ? "*" : op == "÷" ? "/" : op, result, try power())
        }
        return result
    }

    private mutating func power() throws(Expression.Failure) -> Expression {
        let base = try unary()
        if peek() == "^" {
            index += 1
            return .binary("^", base, try power())
        }
        return base
    }

    private mutating func unary() throws(Expression.Failure) -> Expression {
        depth += 1
        defer { depth -= 1 }
        guard depth <= LessonLimits.expressionDepth else {
            throw Expression.Failure(
                message: "the expression nests more than \(LessonLimits.expressionDepth) levels deep (parentheses, "
                    + "calls, powers and signs)")
        }
        if peek() == "-" {
            index += 1
            return .negate(try unary())
        }
        return try atom()
    }

    private mutating func atom() throws(Expression.Failure) -> Expression {
        guard let next = peek() else { throw Expression.Failure(message: "the expression ends too soon") }
        if next == "(" {
            index += 1
            let inner = try sum()
            guard peek() == ")" else { throw Expression.Failure(message: "missing ')'") }
            index += 1
            return inner
        }
        if next.isNumber || next == "." { return .number(try number()) }
        if next.isLetter || next == "_" {
            let name = identifier()
            if peek() == "(" {
                guard Expression.functions[name] != nil else {
                    throw Expression.Failure(
                        message: "unknown function '\(name)'; use min, max, ceil, floor, round, sqrt or abs")
                }
                index += 1
                var arguments = [try sum()]
                while peek() == "," {
                    index += 1
                    arguments.append(try sum())
                }
                guard peek() == ")" else { throw Expression.Failure(message: "missing ')' after \(name)(…") }
                index += 1
                return .call(name, arguments)
            }
            return .name(name)
        }
        throw Expression.Failure(message: "unexpected '\(next)'")
    }

    private mutating func number() throws(Expression.Failure) -> Quantity {
        var text = ""
        while index < characters.count, characters[index].isNumber || characters[index] == "." {
            text.append(characters[index])
            index += 1
        }
        guard let value = Double(text) else { throw Expression.Failure(message: "'\(text)' is not a number") }
        // A unit may follow: `6 ms`, `75%`. A name that is not a unit is left for the caller.
        let save = index
        skipSpaces()
        if index < characters.count, characters[index] == "%" {
            index += 1
            return Quantity(value, unit: .percent)
        }
        if index < characters.count, characters[index].isLetter {
            let word = identifier()
            if let unit = Unit.table[word] { return Quantity(value, unit: unit) }
        }
        index = save
        return Quantity(value)
    }

    private mutating func identifier() -> String {
        var name = ""
        while index < characters.count,
            characters[index].isLetter || characters[index].isNumber || characters[index] == "_"
        {
            name.append(characters[index])
            index += 1
        }
        return name
    }

    private mutating func peek() -> Character? {
        skipSpaces()
        return index < characters.count ? characters[index] : nil
    }

    private mutating func skipSpaces() {
        while index < characters.count, characters[index] == " " { index += 1 }
    }
}
