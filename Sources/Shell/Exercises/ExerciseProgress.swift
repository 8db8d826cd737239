import Foundation

/// What the learner has done with the exercises: which passed, and how many hints each has shown. Kept in
/// `exercises.json` in the poolschool home, written atomically.
struct ExerciseProgress: Codable, Equatable, Sendable {
    var passed: Set<String> = []
    var hintsShown: [String: Int] = [:]
    /// The grader's last run of each exercise (`check`, `watch`, `grade`), rule by rule, for `report`.
    var lastRuns: [String: ExerciseRun] = [:]

    init() {}

    /// Every key optional, so a file from before `lastRuns` still loads.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        passed = try container.decodeIfPresent(Set<String>.self, forKey: .passed) ?? []
        hintsShown = try container.decodeIfPresent([String: Int].self, forKey: .hintsShown) ?? [:]
        lastRuns = try container.decodeIfPresent([String: ExerciseRun].self, forKey: .lastRuns) ?? [:]
    }

    static func file(in home: ShellHome) -> String { (home.path as NSString).appendingPathComponent("exercises.json") }

    static func load(from home: ShellHome) -> ExerciseProgress {
        guard let data = FileManager.default.contents(atPath: file(in: home)),
            let progress = try? JSONDecoder().decode(ExerciseProgress.self, from: data)
        else { return ExerciseProgress() }
        return progress
    }

    /// Saves; returns a message saying why it could not.
    @discardableResult
    func save(to home: ShellHome) -> String? {
        do {
            try home.ensureExists()
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            try encoder.encode(self).write(to: URL(fileURLWithPath: Self.file(in: home)), options: .atomic)
            return nil
        } catch {
            return "cannot save exercise progress in \(Self.file(in: home)): \(error)"
        }
    }
}
