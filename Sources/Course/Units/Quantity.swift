import Foundation

/// A number with a dimension, in base units (seconds, bytes, or plain).
public struct Quantity: Equatable, Sendable {
    public var value: Double
    public var dimension: Dimension

    public init(_ value: Double, _ dimension: Dimension = .none) {
        self.value = value
        self.dimension = dimension
    }

    public init(_ amount: Double, unit: Unit) {
        self.init(amount * unit.factor, unit.dimension)
    }

    /// The amount in `unit`; the caller has checked the dimension.
    public func amount(in unit: Unit) -> Double {
        value / unit.factor
    }

    /// How a learner would write it in `unit`: `18 ms`, `75%`, `1,200 connections` without grouping.
    public func formatted(in unit: Unit) -> String {
        let number = Quantity.format(amount(in: unit))
        switch unit.symbol {
        case "": return number
        case "%": return number + "%"
        default: return number + " " + unit.symbol
        }
    }

    /// Up to four decimals, no trailing zeros: `18`, `0.75`, `3.3333`.
    public static func format(_ number: Double) -> String {
        if number.isNaN || number.isInfinite { return "\(number)" }
        let rounded = (number * 10_000).rounded() / 10_000
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(format: "%.4f", rounded)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text
    }
}
