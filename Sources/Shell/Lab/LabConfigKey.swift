import PoolWorld

/// One setting `config` can show and change, with what it accepts.
struct LabConfigKey: Sendable {
    let name: String
    /// What it accepts, for errors: `a whole number from 1 to 1000`.
    let accepts: String
    let meaning: String
    let read: @Sendable (LabState) -> String
    let write: @Sendable (LabState, String) throws(LabConfigKey.Problem) -> Void

    struct Problem: Error {
        let message: String
    }

    static func integer(
        _ name: String, _ range: ClosedRange<Int>, _ meaning: String, read: @escaping @Sendable (LabState) -> Int,
        write: @escaping @Sendable (LabState, Int) -> Void
    ) -> LabConfigKey {
        let accepts = "a whole number from \(range.lowerBound) to \(range.upperBound)"
        return LabConfigKey(
            name: name, accepts: accepts, meaning: meaning, read: { "\(read($0))" },
            write: { lab, text throws(Problem) in
                guard let value = Int(text), range.contains(value) else {
                    throw Problem(message: "\(name) must be \(accepts), got '\(Sanitizer.clean(text))'")
                }
                write(lab, value)
            })
    }

    /// A duration, or `none` when `optional`.
    static func duration(
        _ name: String, optional: Bool, _ meaning: String, read: @escaping @Sendable (LabState) -> SimDuration?,
        write: @escaping @Sendable (LabState, SimDuration?) -> Void
    ) -> LabConfigKey {
        let accepts = "a duration above zero such as 250ms, 30s or 5m" + (optional ? ", or none" : "")
        return LabConfigKey(
            name: name, accepts: accepts, meaning: meaning, read: { read($0).map { "\($0)" } ?? "none" },
            write: { lab, text throws(Problem) in
                if optional, ["none", "off", "0"].contains(text.lowercased()) {
                    write(lab, nil)
                    return
                }
                guard let value = try? SimDuration(parsing: text), value > .zero else {
                    throw Problem(message: "\(name) must be \(accepts), got '\(Sanitizer.clean(text))'")
                }
                write(lab, value)
            })
    }

    static func choice(
        _ name: String, _ options: [String], _ meaning: String, read: @escaping @Sendable (LabState) -> String,
        write: @escaping @Sendable (LabState, String) -> Void
    ) -> LabConfigKey {
        let accepts = "one of " + options.joined(separator: ", ")
        return LabConfigKey(
            name: name, accepts: accepts, meaning: meaning, read: read,
            write: { lab, text throws(Problem) in
                guard options.contains(text.lowercased()) else {
                    throw Problem(message: "\(name) must be \(accepts), got '\(Sanitizer.clean(text))'")
                }
                write(lab, text.lowercased())
            })
    }
}
