import PoolWorld

extension ShellError {
    /// Runs a parser of typed values (`InputLimits`, `SimDuration(parsing:)`) and turns its error into a
    /// usage error with the same text, which names what is accepted.
    static func usage<T>(_ body: () throws(InputError) -> T) throws(ShellError) -> T {
        do {
            return try body()
        } catch {
            throw .usage(error.message)
        }
    }
}
