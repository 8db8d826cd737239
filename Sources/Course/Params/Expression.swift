import Foundation

/// An arithmetic expression over params, as an answer key writes it: `setup / (setup + query)`.
public indirect enum Expression: Equatable, Sendable {
    case number(Quantity)
    case name(String)
    case negate(Expression)
    case binary(Character, Expression, Expression)
    case call(String, [Expression])

    /// Every param name the expression reads.
    public var names: Set<String> {
        switch self {
        case .number: return []
        case .name(let name): return [name]
        case .negate(let inner): return inner.names
        case .binary(_, let lhs, let rhs): return lhs.names.union(rhs.names)
        case .call(_, let arguments): return arguments.reduce(into: Set()) { $0.formUnion($1.names) }
        }
    }

    public struct Failure: Error, Equatable, Sendable {
        public let message: String
    }

    static let functions: [String: Int] = [
        "min": -1, "max": -1, "ceil": 1, "floor": 1, "round": 1, "sqrt": 1, "abs": 1,
    ]

    /// Evaluates with dimensions checked, so `setup + pool` fails rather than adding ms to connections.
    public func evaluate(_ values: [String: Quantity]) throws(Failure) -> Quantity {
        switch self {
        case .number(let quantity):
            return quantity
        case .name(let name):
            guard let value = values[name] else { throw Failure(message: "'\(name)' is not a param defined above") }
            return value
        case .negate(let inner):
            var value = try inner.evaluate(values)
            value.value = -value.value
            return value
        case .binary(let op, let lhs, let rhs):
            return try Expression.apply(op, try lhs.evaluate(values), try rhs.evaluate(values))
        case .call(let function, let arguments):
            return try Expression.call(
                function,
                try arguments.map { (argument) throws(Failure) in
                    try argument.evaluate(values)
                })
        }
    }

    private static func apply(_ op: Character, _ a: Quantity, _ b: Quantity) throws(Failure) -> Quantity {
        switch op {
        case "+", "-":
            guard a.dimension == b.dimension else {
                throw Failure(message: "cannot \(op == "+" ? "add" : "subtract") \(b.dimension) and \(a.dimension)")
            }
            return Quantity(op == "+" ? a.value + b.value : a.value - b.value, a.dimension)
        case "*":
            return Quantity(a.value * b.value, a.dimension * b.dimension)
        case "/":
            guard b.value != 0 else { throw Failure(message: "division by zero") }
            return Quantity(a.value / b.value, a.dimension / b.dimension)
        default:  // "^"
            guard b.dimension == .none else { throw Failure(message: "an exponent must be a plain number") }
            if a.dimension != .none {
                guard b.value == b.value.rounded(), abs(b.value) <= 8 else {
                    throw Failure(message: "\(a.dimension) can only be raised to a whole power from -8 to 8")
                }
                return Quantity(Foundation.pow(a.value, b.value), a.dimension.power(Int(b.value)))
            }
            return Quantity(Foundation.pow(a.value, b.value), .none)
        }
    }

    private static func call(_ function: String, _ arguments: [Quantity]) throws(Failure) -> Quantity {
        switch function {
        case "min", "max":
            guard let first = arguments.first else { throw Failure(message: "\(function) needs at least one value") }
            guard arguments.allSatisfy({ $0.dimension == first.dimension }) else {
                throw Failure(message: "\(function) compares values of different kinds")
            }
            let values = arguments.map(\.value)
            return Quantity((function == "min" ? values.min() : values.max())!, first.dimension)
        default:
            guard arguments.count == 1 else { throw Failure(message: "\(function) takes one value") }
            let value = arguments[0]
            if ["ceil", "floor", "round"].contains(function), value.dimension != .none {
                throw Failure(
                    message: "\(function) of \(value.dimension) depends on its unit; divide by a unit first, "
                        + "e.g. \(function)(setup / 1 ms)")
            }
            switch function {
            case "ceil": return Quantity(value.value.rounded(.up))
            case "floor": return Quantity(value.value.rounded(.down))
            case "round": return Quantity(value.value.rounded())
            case "abs": return Quantity(Swift.abs(value.value), value.dimension)
            default:  // sqrt
                guard value.value >= 0 else { throw Failure(message: "square root of a negative number") }
                guard value.dimension.time % 2 == 0, value.dimension.data % 2 == 0 else {
                    throw Failure(message: "square root of \(value.dimension)")
                }
                return Quantity(
                    value.value.squareRoot(),
                    Dimension(time: value.dimension.time / 2, data: value.dimension.data / 2))
            }
        }
    }
}
