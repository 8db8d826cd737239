import Course
import Foundation
import Grading

/// Per-exercise, per-check results for an LMS or GitHub Classroom, as JSON or JUnit XML.
struct GradeDocument: Codable, Equatable, Sendable {
    struct Exercise: Codable, Equatable, Sendable {
        var name: String
        var title: String
        var file: String
        var points: Int
        /// `points` when every check passed, else 0.
        var score: Int
        /// `passed`, `failed`, `not started`, `does not build`, `timed out` or `no report`.
        var status: String
        var detail: String?
        var checks: [CheckResult]
    }

    var exercises: [Exercise]
    var score: Int { exercises.map(\.score).reduce(0, +) }
    var maxScore: Int { exercises.map(\.points).reduce(0, +) }

    init(exercises: [Exercise]) {
        self.exercises = exercises
    }

    static func exercise(_ entry: ExerciseEntry, _ outcome: ExerciseRunner.Outcome) -> Exercise {
        var result = Exercise(
            name: entry.name, title: entry.title, file: entry.file, points: entry.points, score: 0, status: "",
            detail: nil, checks: [])
        switch outcome {
        case .notStarted:
            result.status = "not started"
        case .compileErrors(let errors, _):
            result.status = "does not build"
            result.detail = errors.first.map { "\($0.file):\($0.line):\($0.column): \($0.message)" }
        case .graded(let report):
            result.checks = report.checks
            result.status = report.passed ? "passed" : "failed"
            result.score = report.passed ? entry.points : 0
        case .timedOut(let limit):
            result.status = "timed out"
            result.detail = "grading did not finish within \(limit)"
        case .failed(let output):
            result.status = "no report"
            result.detail = output
        case .cancelled:
            result.status = "cancelled"
        }
        return result
    }

    func json() -> String {
        struct Document: Encodable {
            var score: Int
            var maxScore: Int
            var exercises: [Exercise]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = (try? encoder.encode(Document(score: score, maxScore: maxScore, exercises: exercises))) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    /// One `<testsuite>` per exercise and one `<testcase>` per check; an exercise without checks (not started,
    /// not building) is one test case, skipped or failed.
    func junit() -> String {
        var cases = 0
        var failures = 0
        var skipped = 0
        var suites: [String] = []
        for exercise in exercises {
            var lines: [String] = []
            var suiteFailures = 0
            var suiteSkipped = 0
            if exercise.checks.isEmpty {
                let name = Self.escape(exercise.status)
                if exercise.status == "not started" {
                    suiteSkipped += 1
                    lines.append(
                        "    <testcase classname=\"\(Self.escape(exercise.name))\" name=\"\(name)\"><skipped/></testcase>"
                    )
                } else {
                    suiteFailures += 1
                    lines.append(
                        "    <testcase classname=\"\(Self.escape(exercise.name))\" name=\"\(name)\">"
                            + "<failure message=\"\(Self.escape(exercise.detail ?? exercise.status))\"/></testcase>")
                }
            }
            for check in exercise.checks {
                let head =
                    "    <testcase classname=\"\(Self.escape(exercise.name))\" name=\"\(Self.escape(check.name))\""
                if check.passed {
                    lines.append(head + "/>")
                } else {
                    suiteFailures += 1
                    let body = check.explanation(exercise: exercise.name)
                    lines.append(
                        head + "><failure message=\"\(Self.escape(check.message ?? "failed"))\">"
                            + Self.escape(body) + "</failure></testcase>")
                }
            }
            let count = max(1, exercise.checks.count)
            cases += count
            failures += suiteFailures
            skipped += suiteSkipped
            suites.append(
                "  <testsuite name=\"\(Self.escape(exercise.name))\" tests=\"\(count)\" failures=\"\(suiteFailures)\" "
                    + "skipped=\"\(suiteSkipped)\">\n" + lines.joined(separator: "\n") + "\n  </testsuite>")
        }
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <testsuites name="poolschool" tests="\(cases)" failures="\(failures)" skipped="\(skipped)">
            \(suites.joined(separator: "\n"))
            </testsuites>

            """
    }

    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "\n": escaped += "&#10;"
            default: escaped.append(character)
            }
        }
        return escaped
    }
}
