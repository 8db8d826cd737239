import Foundation
import PoolWorld

/// The marker of an exercise nobody has started.
///
/// Each stub in `Exercises/` ships with one line, e.g. `extension FixedSizePool: Unattempted {}`. While it is
/// there, the exercise's tests are skipped with a message saying which file to edit. Deleting the line starts
/// the exercise: from then on its checks run for real. The shell reads the same line to list the exercise as
/// not started, so the compiler and the shell always agree.
public protocol Unattempted {}

extension Unattempted {
    /// The marker line for a type, exactly as a stub carries it.
    public static var markerLine: String { "extension \(Self.self): Unattempted {}" }
}

/// How the shell and lint find the marker in a file without compiling it.
public enum UnattemptedMarker {
    /// The line for the type `typeName`.
    public static func line(for typeName: String) -> String { "extension \(typeName): Unattempted {}" }

    /// Whether the compiled type still carries the marker.
    public static func isMarked(_ type: Any.Type) -> Bool { type is any Unattempted.Type }

    /// The 1-based line number of the marker in `source`, if the file still carries it.
    public static func lineNumber(in source: String, typeName: String) -> Int? {
        let marker = line(for: typeName)
        for (index, line) in source.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.trimmingCharacters(in: .whitespaces) == marker {
            return index + 1
        }
        return nil
    }
}
