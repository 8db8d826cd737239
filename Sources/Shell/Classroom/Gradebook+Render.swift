import Foundation

/// The gradebook as Markdown (for reading, and the default on standard output), CSV (for a spreadsheet or an
/// LMS import) and HTML (one page to share).
extension Gradebook {
    /// The learners, the questions the class missed most, the exercises and the labs, as four tables.
    public var tables: [(title: String, header: [String], rows: [[String]])] {
        let exerciseNames = exercises.map(\.name)
        let learnerRows = learners.map { learner in
            [
                learner.name, "\(learner.points)", "\(learner.maxPoints)", "\(learner.right)", "\(learner.explained)",
                "\(learner.questions)", "\(learner.labsPassed)", "\(learner.labs)",
            ] + exerciseNames.map { learner.exercises[$0] ?? "" }
        }
        let questionRows = questions.sorted {
            ($1.missRate, $0.lesson, $0.question) < ($0.missRate, $1.lesson, $1.question)
        }
        .map { stats in
            [
                stats.lesson, stats.question, "\(stats.tried)", Self.percent(stats.missRate), "\(stats.gaveUp)",
                Self.percent(stats.hintRate), "\(stats.hints)", "\(stats.earlierVersion)",
            ]
        }
        let exerciseRows = exercises.map { stats in
            [
                stats.name, "\(stats.points)", "\(stats.graded)", "\(stats.passed)", Self.percent(stats.passRate),
                stats.mostCommonFailure.map { "\($0.rule) (\($0.learners))" } ?? "",
            ]
        }
        let labRows = labs.map { [$0.lesson, $0.lab, $0.scenario, "\($0.passed)", "\(learners.count)"] }
        return [
            (
                "Learners",
                [
                    "learner", "points", "max_points", "questions_right", "questions_explained", "questions",
                    "labs_passed", "labs",
                ] + exerciseNames, learnerRows
            ),
            (
                "Questions, most missed first",
                ["lesson", "question", "tried", "miss_rate", "gave_up", "hint_rate", "hints", "on_earlier_version"],
                questionRows
            ),
            (
                "Exercises",
                ["exercise", "points", "graded", "passed", "pass_rate", "most_common_failing_rule"], exerciseRows
            ),
            ("Labs", ["lesson", "lab", "scenario", "passed", "learners"], labRows),
        ]
    }

    public func markdown() -> String {
        var parts = ["# Gradebook: \(learners.count) learner(s)"]
        for table in tables {
            var lines = ["## \(table.title)", "", "| " + table.header.joined(separator: " | ") + " |"]
            lines.append("|" + table.header.map { _ in "---|" }.joined())
            for row in table.rows {
                lines.append(
                    "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |")
            }
            parts.append(lines.joined(separator: "\n"))
        }
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The four tables one after another, each with its own header row and a `table` column naming it, a blank
    /// line between: a spreadsheet opens it as is, and a script splits it on the blank lines or the first column.
    public func csv() -> String {
        tables.map { table in
            ([["table"] + table.header] + table.rows.map { [Self.slug(table.title)] + $0 })
                .map { $0.map(Self.csvField).joined(separator: ",") }.joined(separator: "\n")
        }
        .joined(separator: "\n\n") + "\n"
    }

    public func html() -> String {
        var body = ["<h1>Gradebook: \(learners.count) learner(s)</h1>"]
        for table in tables {
            body.append("<h2>\(Self.escape(table.title))</h2>\n<table>")
            body.append("<tr>" + table.header.map { "<th>\(Self.escape($0))</th>" }.joined() + "</tr>")
            for row in table.rows {
                body.append("<tr>" + row.map { "<td>\(Self.escape($0))</td>" }.joined() + "</tr>")
            }
            body.append("</table>")
        }
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>poolschool gradebook</title>
            <style>body{font-family:sans-serif}table{border-collapse:collapse;margin-bottom:2em}\
            td,th{border:1px solid #999;padding:2px 8px;text-align:left}</style></head><body>
            \(body.joined(separator: "\n"))
            </body></html>

            """
    }

    static func percent(_ rate: Double) -> String {
        String(format: "%.0f%%", rate * 100)
    }

    private static func slug(_ title: String) -> String {
        String(title.lowercased().prefix { $0.isLetter })
    }

    /// RFC 4180: quoted when it holds a comma, a quote or a line break; a leading `=`, `+`, `-` or `@` is
    /// prefixed with `'` so a spreadsheet does not run a learner's name as a formula.
    static func csvField(_ text: String) -> String {
        var field = text
        if let first = field.first, "=+-@".contains(first) { field = "'" + field }
        guard field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }
}
