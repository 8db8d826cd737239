import Foundation

/// One learner's whole record, as `poolschool report --json` writes it for an LMS and `gradebook` reads it.
///
/// The schema is documented in Lessons/README.md ("A learner's report"). `format` says what the file is and
/// `version` which schema it follows; a reader refuses a file of another format or a newer version.
public struct LearnerReport: Codable, Equatable, Sendable {
    public static let formatName = "poolschool-report"
    public static let currentVersion = 1

    public var format = LearnerReport.formatName
    public var version = LearnerReport.currentVersion
    public var learner: String
    public var lessons: [LessonRecord]
    public var exercises: [ExerciseRecord]
    public var totals: Totals

    public struct LessonRecord: Codable, Equatable, Sendable {
        public var id: String
        public var title: String
        public var pages: Int
        public var pagesSeen: Int
        public var questions: [QuestionRecord]
        public var labs: [LabRecord]
    }

    public struct QuestionRecord: Codable, Equatable, Sendable {
        public var id: String
        /// The question's version now (`Lesson.version(of:)`).
        public var version: String
        /// The version the learner's record is about; differs from `version` only in a record not yet migrated.
        public var answeredVersion: String?
        /// Graded tries (unreadable input and unit slips do not count).
        public var attempts: Int
        public var hints: Int
        /// The explanation was shown before a right answer (three misses, or `explain`): given up.
        public var explained: Bool
        public var right: Bool
        /// The question changed after the learner answered an earlier version; those records, oldest first.
        public var earlier: [EarlierRecord]
    }

    public struct EarlierRecord: Codable, Equatable, Sendable {
        public var version: String?
        public var attempts: Int
        public var hints: Int
        public var explained: Bool
        public var right: Bool
    }

    public struct LabRecord: Codable, Equatable, Sendable {
        /// The lab's id (`lab check ID`): its `id`, else its scenario (`scenario-2`… for later unnamed ones).
        public var id: String
        public var page: Int
        public var scenario: String
        /// `lab check` held for it at least once.
        public var passed: Bool
    }

    public struct ExerciseRecord: Codable, Equatable, Sendable {
        public var name: String
        public var title: String
        public var points: Int
        /// `points` when the exercise passed, else 0.
        public var score: Int
        /// The grader's last run: `passed`, `failed`, `not started`, `does not build`, … or `not graded`.
        public var status: String
        public var hints: Int
        public var rules: [ExerciseRun.Rule]
    }

    public struct Totals: Codable, Equatable, Sendable {
        public var questions: Int
        public var right: Int
        public var explained: Int
        public var labs: Int
        public var labsPassed: Int
        public var points: Int
        public var maxPoints: Int
    }

    /// Pretty, with sorted keys: the same record always gives the same bytes.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(self)) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }
}
