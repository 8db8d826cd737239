import Foundation
import PoolWorld
import RealServers

/// `real modes`: the world's answer and the real PgBouncer's, step by step, with each difference flagged.
enum ModesTable {
    static func markdown(mode: PoolMode, rows: [ModeComparison], servers: RunningServers) -> String {
        var lines = [
            "| step | world (\(ModelledVersions.pgBouncer)) | real (PgBouncer \(servers.bouncerVersion)) | |",
            "|---|---|---|---|",
        ]
        for (index, row) in rows.enumerated() {
            let mark: String
            switch row.verdict {
            case .same: mark = "same"
            case .notInWorld: mark = "not in the world"
            case .expected: mark = "expected difference [\(index + 1)]"
            case .differs: mark = "**DIFFERS**"
            }
            lines.append(
                "| \(index + 1) \(escape(row.step.title)) | \(escape(row.simulated?.shown ?? "–")) | "
                    + "\(escape(row.real.shown)) | \(mark) |")
        }
        lines.append("")
        let same = rows.filter { $0.verdict == .same }.count
        let unexpected = rows.filter { $0.verdict == .differs }
        lines.append(
            "\(mode) mode: \(same) of \(rows.count) steps agree; \(unexpected.count) unexpected "
                + (unexpected.count == 1 ? "difference" : "differences") + ". Servers: \(servers.versionLine); "
                + "the world models \(ModelledVersions.postgreSQL) and \(ModelledVersions.pgBouncer).")
        for (index, row) in rows.enumerated() {
            if case .expected(let reason) = row.verdict { lines.append("\n[\(index + 1)] \(reason).") }
        }
        for row in unexpected {
            lines.append("\nDiffers at \(escape(row.step.title)): \(row.step.why).")
        }
        return lines.joined(separator: "\n")
    }

    /// A cell's text may hold `|` or backquotes from SQL; neither may break the table.
    static func escape(_ text: String) -> String {
        Sanitizer.clean(text).replacingOccurrences(of: "|", with: "\\|")
    }
}
