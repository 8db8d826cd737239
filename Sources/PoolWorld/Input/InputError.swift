/// A value typed by a person (a flag, a lab command, a lesson's scenario) that the world cannot use.
///
/// It has the shape of ArgumentParser's `ValidationError`: the `message` alone says what was wrong and
/// what would be accepted, so the shell and the command line can print it as is.
public struct InputError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The full explanation, e.g. `duration "40" has no unit: write 40ms or 40s (units: ns, us, ms, s, m, h)`.
    public let message: String

    public init(_ message: String) {
        self.message = message
    }

    public var description: String { message }
}
