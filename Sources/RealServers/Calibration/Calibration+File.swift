import Foundation

extension Calibration {
    /// No part may be negative or above a minute: a file edited by hand into nonsense is refused, not simulated.
    static let largestPart = 60_000_000

    /// Reads `calibration.json`; the error says what is wrong and that `real calibrate` writes it.
    public static func load(_ layout: RealLayout) throws(ServerError) -> Calibration {
        let path = layout.calibration
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ServerError(
                "no calibration yet: run 'real calibrate' (it measures this machine's real servers and writes \(path))")
        }
        let calibration: Calibration
        do {
            calibration = try JSONDecoder().decode(Calibration.self, from: data)
        } catch {
            throw ServerError(
                "\(path) is not a calibration poolschool can read (\(Self.reason(error))); run 'real calibrate' again")
        }
        let parts = calibration.parts
        let named = [
            ("tcp", parts.tcp), ("tls", parts.tls), ("trustAuth", parts.trustAuth), ("scramAuth", parts.scramAuth),
            ("backendStart", parts.backendStart),
        ]
        if let bad = named.first(where: { !(0...largestPart).contains($0.1) }) {
            throw ServerError(
                "\(path): parts.\(bad.0) is \(bad.1) µs; each part must be from 0 to \(largestPart) µs; "
                    + "run 'real calibrate' again")
        }
        return calibration
    }

    /// Writes it atomically.
    public func save(_ layout: RealLayout) throws(ServerError) {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try FileManager.default.createDirectory(atPath: layout.root, withIntermediateDirectories: true)
            try encoder.encode(self).write(to: URL(fileURLWithPath: layout.calibration), options: .atomic)
        } catch {
            throw ServerError("cannot write \(layout.calibration): \(error.localizedDescription)")
        }
    }

    private static func reason(_ error: Error) -> String {
        switch error as? DecodingError {
        case .keyNotFound(let key, let context)?:
            return "missing \((context.codingPath.map(\.stringValue) + [key.stringValue]).joined(separator: "."))"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "wrong value at \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        case .dataCorrupted?:
            return "not JSON"
        default:
            return "\(error)"
        }
    }
}
