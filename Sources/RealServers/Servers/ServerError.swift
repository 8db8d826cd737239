/// Why the real servers could not be set up, started or used: the text alone says what to do.
public struct ServerError: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    /// The packages are missing and could not be installed: the command exits 2, as `make` does.
    public var missingPackages = false

    public init(_ message: String) {
        self.message = message
    }

    public init(_ missing: MissingPackages) {
        message = missing.description
        missingPackages = true
    }

    public var description: String { message }
}
