import Foundation

/// How far a numeric answer may be from the key.
///
/// Every tolerance but `exact` also accepts the key rounded sensibly (to two or more significant
/// figures), so a learner who rounds 33.333 to 33 is not marked wrong by a band written too tight.
public enum Tolerance: Equatable, Sendable {
    /// `tolerance: exact`: only the key itself.
    case exact
    /// No tolerance written: the key, or the key rounded to two or more significant figures.
    case sensible
    /// In base units (seconds, bytes, or plain).
    case absolute(Double)
    /// A fraction of the key: 0.02 for `2%`.
    case relative(Double)

    /// Whether an answer `difference` away from `key` (both in base units) is accepted. `unit` is
    /// the question's: rounding is judged in the unit the learner types (12.5 min, not 750 s).
    public func allows(_ difference: Double, around key: Double, in unit: Unit = .none) -> Bool {
        let slack = 1e-9 * max(1, abs(key))
        let distance = abs(difference)
        let band = Self.roundingBand(key / unit.factor) * unit.factor
        switch self {
        case .exact: return distance <= slack
        case .sensible: return distance <= band + slack
        case .absolute(let amount): return distance <= max(amount, band) + slack
        case .relative(let fraction): return distance <= max(fraction * abs(key), band) + slack
        }
    }

    /// The farthest the key moves when rounded to two or more significant figures: zero for a
    /// key that is already round (18, 1,200), 0.333… for 33.333….
    public static func roundingBand(_ key: Double) -> Double {
        guard key.isFinite, key != 0 else { return 0 }
        return (2...15).map { abs(key - rounded(key, significantFigures: $0)) }.max() ?? 0
    }

    /// `value` to `figures` significant figures, halves away from zero.
    public static func rounded(_ value: Double, significantFigures figures: Int) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let exponent = Int(floor(log10(abs(value)))) - figures + 1
        let scale = pow(10, Double(exponent))
        return (value / scale).rounded() * scale
    }

    /// `value` to `places` decimal places, halves away from zero.
    public static func rounded(_ value: Double, decimalPlaces places: Int) -> Double {
        let scale = pow(10, Double(places))
        return (value * scale).rounded() / scale
    }
}
