import Foundation

/// Which exercise `poolschool watch` grades: the one named; else the one whose file the learner
/// saved last; else (before any save) the last started one not passed yet, else the first not passed.
struct WatchTarget {
    struct Exercise: Equatable {
        var name: String
        /// The file's name in Exercises/, as the folder lists it.
        var fileName: String
        var passed: Bool
        var started: Bool
    }

    let named: String?
    let exercises: [Exercise]

    /// At start: nothing has been saved while watching yet.
    func initial(stamps: [String: Date]) -> String? {
        if let named { return named }
        let started = exercises.filter { $0.started && !$0.passed }
        let newest = started.max { (stamps[$0.fileName] ?? .distantPast) < (stamps[$1.fileName] ?? .distantPast) }
        return newest?.name ?? exercises.first { !$0.passed }?.name
    }

    /// After files changed: the exercise whose file was saved last, if it is one.
    func afterSave(previous: [String: Date], now stamps: [String: Date], current: String?) -> String? {
        if let named { return named }
        let changed = stamps.filter { previous[$0.key] != $0.value }
        guard let saved = changed.max(by: { $0.value < $1.value })?.key,
            let exercise = exercises.first(where: { $0.fileName == saved })
        else { return current }
        return exercise.name
    }

    /// After `current` passed: the next one not passed, in course order (none when all have).
    func afterPass(_ current: String) -> String? {
        if named != nil { return nil }
        let start = exercises.firstIndex { $0.name == current } ?? 0
        let rest = exercises[start...].dropFirst() + exercises[..<start]
        return rest.first { !$0.passed && $0.name != current }?.name
    }
}
